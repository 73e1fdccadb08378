// Sortable tables: click a header to sort its column (numbers by data-sort when present).
// The page reads fine without it; sorting is an aid, not a requirement.
document.addEventListener('click', function (e) {
  var th = e.target.closest('table.sortable thead th');
  if (!th) return;
  var table = th.closest('table'), body = table.tBodies[0], idx = Array.prototype.indexOf.call(th.parentNode.children, th);
  var asc = th.getAttribute('aria-sort') !== 'ascending';
  Array.prototype.forEach.call(th.parentNode.children, function (h) { h.removeAttribute('aria-sort'); });
  th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
  var key = function (tr) {
    var td = tr.children[idx]; if (!td) return '';
    var s = td.getAttribute('data-sort');
    if (s !== null) return s === '' ? NaN : parseFloat(s);
    return td.textContent.trim().toLowerCase();
  };
  var rows = Array.prototype.slice.call(body.rows);
  rows.sort(function (a, b) {
    var x = key(a), y = key(b);
    if (typeof x === 'number' && typeof y === 'number') {
      if (isNaN(x)) return 1; if (isNaN(y)) return -1;
      return asc ? x - y : y - x;
    }
    return asc ? String(x).localeCompare(String(y)) : String(y).localeCompare(String(x));
  });
  rows.forEach(function (r) { body.appendChild(r); });
});
