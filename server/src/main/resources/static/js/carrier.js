// Carrier pages: filter long people lists, preview the marking, keep the readers' ticking order.
(function () {
  // A search box above a list of checkboxes hides the names that do not match.
  document.querySelectorAll('.picker-filter').forEach(function (box) {
    var list = box.parentElement.querySelector('.picker-list');
    if (!list) { return; }
    box.addEventListener('input', function () {
      var q = box.value.trim().toLowerCase();
      list.querySelectorAll('label.choice').forEach(function (label) {
        var name = (label.dataset.name || label.textContent).toLowerCase();
        label.hidden = q !== '' && name.indexOf(q) < 0;
      });
    });
  });

  // Level + term (or a typed marking) shown as it will be written: 机密★10年.
  var level = document.getElementById('level');
  var term = document.getElementById('term');
  var typed = document.getElementById('marking');
  var preview = document.getElementById('marking-preview');
  function showMarking() {
    if (!preview || !level) { return; }
    if (typed && typed.value.trim() !== '') { preview.textContent = typed.value.trim(); return; }
    var word = level.options[level.selectedIndex].dataset.word || '';
    var stateSecret = ['TOP_SECRET', 'SECRET', 'CONFIDENTIAL'].indexOf(level.value) >= 0;
    preview.textContent = stateSecret ? word + '\u2605' + (term ? term.value.trim() : '') : word;
  }
  [level, term, typed].forEach(function (f) { if (f) { f.addEventListener('input', showMarking); f.addEventListener('change', showMarking); } });

  // Changing the unit reloads the form with that unit's people and departments.
  document.querySelectorAll('select.reload-on-change').forEach(function (select) {
    select.addEventListener('change', function () {
      window.location.search = '?unitId=' + encodeURIComponent(select.value);
    });
  });

  // Readers sign in the order they were ticked: number them, and submit them in that order.
  document.querySelectorAll('.route-picker').forEach(function (picker) {
    var order = [];
    var boxes = picker.querySelectorAll('input[type=checkbox]');
    boxes.forEach(function (b) { if (b.checked) { order.push(b); } });
    function number() {
      boxes.forEach(function (b) {
        var badge = b.parentElement.querySelector('.route-no');
        var i = order.indexOf(b);
        if (i < 0) { if (badge) { badge.remove(); } return; }
        if (!badge) { badge = document.createElement('span'); badge.className = 'route-no'; b.after(badge); }
        badge.textContent = String(i + 1);
      });
    }
    boxes.forEach(function (b) {
      b.addEventListener('change', function () {
        order = order.filter(function (x) { return x !== b; });
        if (b.checked) { order.push(b); }
        number();
      });
    });
    number();
    picker.closest('form').addEventListener('submit', function () {
      var form = picker.closest('form');
      boxes.forEach(function (b) { b.removeAttribute('name'); });
      order.forEach(function (b) {
        var hidden = document.createElement('input');
        hidden.type = 'hidden'; hidden.name = 'route'; hidden.value = b.value;
        form.appendChild(hidden);
      });
    });
  });
})();
