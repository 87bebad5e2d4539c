// The changed-lines filter works by CSS alone; this script lets a link (#changed-only) switch it on
// and says how many lines the browser actually shows.
(() => {
  const box = document.getElementById("changed-only");
  const shown = document.getElementById("lines-shown");
  const rows = document.querySelectorAll("table.lines tbody tr");
  const count = () => {
    const visible = Array.from(rows).filter((row) => row.getClientRects().length > 0).length;
    shown.textContent = `${visible} of ${rows.length} lines shown`;
  };
  const follow = () => {
    if (location.hash === "#changed-only") box.checked = true;
    count();
  };
  box.addEventListener("change", count);
  window.addEventListener("hashchange", follow);
  follow();
})();
