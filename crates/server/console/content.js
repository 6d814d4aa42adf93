// The content edit page and the staff import, enhanced: load a chosen file into the text
// box (the box is the page's `textarea[data-file]`, or #overlay), and let an error's link
// put the cursor on its line. Without JavaScript, pasting works and the links go to the
// text box.
(function () {
  'use strict';
  var area = document.querySelector('textarea[data-file]') || document.getElementById('overlay');
  if (!area) return;

  var load = document.getElementById('overlay-load');
  var input = document.getElementById('overlay-file');
  var status = document.getElementById('overlay-loaded');
  if (load && input && window.FileReader) {
    load.hidden = false;
    input.addEventListener('change', function () {
      var file = input.files && input.files[0];
      if (!file) return;
      // UTF-8 first; a file that is not (Swedish Excel saves CSV in Windows-1252) is read
      // again as Windows-1252, so å, ä and ö survive.
      file.arrayBuffer().then(function (bytes) {
        var text;
        try {
          text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        } catch (e) {
          text = new TextDecoder('windows-1252').decode(bytes);
        }
        area.value = text.replace(/^\uFEFF/, '');
        if (status) status.textContent = status.getAttribute('data-text');
      });
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
