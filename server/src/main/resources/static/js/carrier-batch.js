// Destruction batches and inventories (carrier batches).
// The printable records: a button that opens the browser's print dialog.
document.addEventListener('click', function (event) {
  var button = event.target.closest('[data-print]');
  if (button) {
    event.preventDefault();
    window.print();
  }
});
// The inventory check: after each scan the serial field is emptied and takes the focus again,
// so a barcode scanner (which types the serial and Enter) can go on scanning.
document.addEventListener('htmx:afterSwap', function () {
  var field = document.getElementById('check-serial');
  if (field) {
    field.value = '';
    field.focus();
  }
});
