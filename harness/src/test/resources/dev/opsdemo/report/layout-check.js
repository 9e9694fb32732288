// Injected into a test copy of report.html (HtmlReportBrowserTest): measures the page as laid out and writes what is
// wrong with it, as JSON, into an element with the id layout-check, for --dump-dom to hand back. Text is measured line box by line
// box (a Range's client rects), each cut to what the boxes around it that clip (overflow other than visible) show.
(function () {
  const viewport = document.documentElement.clientWidth;
  const problems = [];
  const shown = (node) => getComputedStyle(node.parentElement).visibility === 'visible';

  function clip(rect, element) {
    let box = { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom };
    for (let el = element; el && el !== document.documentElement; el = el.parentElement) {
      const style = getComputedStyle(el);
      if (style.overflowX !== 'visible' || style.overflowY !== 'visible') {
        const c = el.getBoundingClientRect();
        box = { left: Math.max(box.left, c.left), top: Math.max(box.top, c.top),
          right: Math.min(box.right, c.right), bottom: Math.min(box.bottom, c.bottom) };
      }
    }
    return box;
  }

  function textNodes(root) {
    const nodes = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.data.trim() && shown(node)) {
        nodes.push(node);
      }
    }
    return nodes;
  }

  function rects(node, from, to) {
    const range = document.createRange();
    range.setStart(node, from === undefined ? 0 : from);
    range.setEnd(node, to === undefined ? node.length : to);
    return Array.from(range.getClientRects()).filter((r) => r.width > 0.5 && r.height > 0.5);
  }

  const what = (node) => JSON.stringify(node.data.trim().slice(0, 40));

  // 1. No two pieces of text overlap (a tolerance of a pixel for glyphs that touch). The boxes of one text node are
  // its lines, or its text and the ellipsis that ends it where it is cut.
  const boxes = [];
  for (const node of textNodes(document.body)) {
    for (const rect of rects(node)) {
      const box = clip(rect, node.parentElement);
      if (box.right - box.left > 0.5 && box.bottom - box.top > 0.5) {
        boxes.push({ box, node });
      }
    }
  }
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i].box;
      const b = boxes[j].box;
      const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (x > 1 && y > 1 && boxes[i].node !== boxes[j].node) {
        problems.push('overlap: ' + what(boxes[i].node) + ' and ' + what(boxes[j].node));
      }
    }
  }

  // 2. The page does not scroll sideways, and no text is drawn beyond its edge.
  if (document.documentElement.scrollWidth > viewport) {
    problems.push('the page is ' + document.documentElement.scrollWidth + 'px wide in a ' + viewport + 'px viewport');
  }
  for (const { box, node } of boxes) {
    if (box.right > viewport + 0.5 || box.left < -0.5) {
      problems.push('beyond the viewport: ' + what(node));
    }
  }

  // 3. A table wider than the viewport is in a box of its own that scrolls sideways and fits the viewport.
  for (const table of document.querySelectorAll('table')) {
    const r = table.getBoundingClientRect();
    if (r.left >= -0.5 && r.right <= viewport + 0.5) {
      continue;
    }
    let scroller = table.parentElement;
    while (scroller && !['auto', 'scroll'].includes(getComputedStyle(scroller).overflowX)) {
      scroller = scroller.parentElement;
    }
    const s = scroller && scroller.getBoundingClientRect();
    if (!s || s.left < -0.5 || s.right > viewport + 0.5) {
      problems.push('a table ' + Math.round(r.width) + 'px wide, not in a scrolling box that fits the viewport');
    }
  }

  // 4. A table cell wraps between words (or after a hyphen), never inside one.
  for (const cell of document.querySelectorAll('th, td')) {
    for (const node of textNodes(cell)) {
      let previousTop = null;
      for (let i = 0; i < node.length; i++) {
        const top = rects(node, i, i + 1).map((r) => r.top)[0];
        if (top === undefined) {
          continue;  // a blank where the line was broken
        }
        if (previousTop !== null && top > previousTop + 1 && !/[\s\-—]/.test(node.data[i - 1])) {
          problems.push('a word broken across lines in a cell: ' + what(node));
          break;
        }
        previousTop = top;
      }
    }
  }

  // 5. Preformatted lines (commands, output such as the monitor's drift table) are never wrapped.
  for (const pre of document.querySelectorAll('pre.cmd, pre.out')) {
    for (const node of textNodes(pre)) {
      const lines = node.data.split('\n').filter((line) => line.trim()).length;
      const tops = new Set(rects(node).map((r) => Math.round(r.top)));
      if (tops.size > lines) {
        problems.push('a preformatted line wrapped: ' + what(node));
      }
    }
  }

  // Into the top page: the report is measured in a frame as wide as a phone, and --dump-dom hands back that page.
  const out = window.top.document.createElement('pre');
  out.id = 'layout-check';
  out.textContent = JSON.stringify({ viewport, checkedTexts: boxes.length, problems });
  window.top.document.body.appendChild(out);
})();
