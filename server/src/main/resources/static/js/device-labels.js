// The label page's print button (inline scripts are not allowed by the content security policy).
document.addEventListener('DOMContentLoaded', function () {
  var button = document.getElementById('print');
  if (button) {
    button.addEventListener('click', function () { window.print(); });
  }
});
