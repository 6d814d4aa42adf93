// The content edit page, enhanced: load a chosen .toml file into the text box, and let an
// error's link put the cursor on its line. Without JavaScript, pasting works and the links
// go to the text box.
(function () {
  'use strict';
  var area = document.getElementById('overlay');
  if (!area) return;

  var load = document.getElementById('overlay-load');
  var input = document.getElementById('overlay-file');
  var status = document.getElementById('overlay-loaded');
  if (load && input && window.FileReader) {
    load.hidden = false;
    input.addEventListener('change', function () {
      var file = input.files && input.files[0];
      if (!file) return;
      var reader = new FileReader();
      reader.onload = function () {
        area.value = String(reader.result);
        if (status) status.textContent = status.getAttribute('data-text');
      };
      reader.readAsText(file, 'utf-8');
    });
  }

  var links = document.querySelectorAll('a[data-line]');
  Array.prototype.forEach.call(links, function (link) {
    link.addEventListener('click', function (event) {
      var line = parseInt(link.getAttribute('data-line'), 10);
      if (!(line > 0)) return;
      event.preventDefault();
      var lines = area.value.split('\n');
      var start = 0;
      for (var i = 0; i < line - 1 && i < lines.length; i++) start += lines[i].length + 1;
      var end = start + (lines[line - 1] || '').length;
      area.focus();
      area.setSelectionRange(start, end);
      var height = parseFloat(window.getComputedStyle(area).lineHeight) || 20;
      area.scrollTop = Math.max(0, (line - 4) * height);
    });
  });
})();
