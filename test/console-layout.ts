/**
 * Geometric checks of a page's cards, run in the browser: nothing reaches out of its card or out
 * of the viewport (a table may be wider than its card only inside its horizontal scroller), and no
 * word is broken across lines (which is what a column squeezed below its content's width does:
 * one character per line).
 */
import type { Page } from 'playwright-core';

/** What overflows or breaks in the cards (`.panel`, `.tile`) under `root`; empty when the layout holds. */
export function layoutProblems(page: Page, root = 'main'): Promise<string[]> {
  return page.evaluate((rootSelector) => {
    const problems: string[] = [];
    const viewport = document.documentElement.clientWidth;
    const nameOf = (el: Element) => {
      const labelled = el.getAttribute('aria-labelledby');
      return (labelled && document.getElementById(labelled)?.textContent) || el.getAttribute('data-testid') || `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`;
    };
    const hidden = (el: Element) => el.closest('.visually-hidden') !== null;
    for (const card of document.querySelectorAll(`${rootSelector} .panel, ${rootSelector} .tile`)) {
      const name = nameOf(card);
      const box = card.getBoundingClientRect();
      if (box.right > viewport + 0.5) problems.push(`${name}: the card reaches ${Math.round(box.right)} px, beyond the viewport's ${viewport}`);
      if (card.scrollWidth > card.clientWidth + 1) problems.push(`${name}: content ${card.scrollWidth} px wide in a card ${card.clientWidth} px wide`);
      for (const el of card.querySelectorAll('*')) {
        if (hidden(el)) continue;
        // Inside a horizontal scroller, the scroller is what must stay in the card.
        const scroller = el.parentElement?.closest('.table-scroll');
        const r = (scroller && card.contains(scroller) ? scroller : el).getBoundingClientRect();
        if (r.width === 0 && r.height === 0) continue;
        if (r.left < box.left - 0.5 || r.right > box.right + 0.5) problems.push(`${name}: <${el.tagName.toLowerCase()}> "${(el.textContent ?? '').slice(0, 40)}" spans ${Math.round(r.left)}–${Math.round(r.right)} px, out of its card (${Math.round(box.left)}–${Math.round(box.right)})`);
      }
      // A figure with its unit ("112.7 %") is one unbreakable thing.
      for (const cell of card.querySelectorAll('td.num, th.num')) {
        const tops = new Set<number>();
        const cells = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        for (let node = cells.nextNode(); node; node = cells.nextNode()) {
          const range = document.createRange();
          range.selectNodeContents(node);
          for (const q of range.getClientRects()) if (q.width > 0) tops.add(Math.round(q.top / 8));
        }
        if (tops.size > 1) problems.push(`${name}: the figure "${cell.textContent}" wraps over ${tops.size} lines`);
      }
      const walker = document.createTreeWalker(card, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!node.parentElement || hidden(node.parentElement)) continue;
        const text = node.textContent ?? '';
        // A word here ends at a space, a slash or a hyphen: the places a line may break.
        for (const m of text.matchAll(/[^\s/-]+/g)) {
          const range = document.createRange();
          range.setStart(node, m.index);
          range.setEnd(node, m.index + m[0].length);
          const lines = new Set([...range.getClientRects()].filter((q) => q.width > 0).map((q) => Math.round(q.top)));
          if (lines.size > 1) problems.push(`${name}: "${m[0]}" is broken over ${lines.size} lines`);
        }
      }
    }
    return problems;
  }, root);
}

/**
 * How many lines the text of the first element matching `selector` shows: the distinct line boxes
 * of its text, leaving out lines clipped away (an ellipsis after two lines shows two).
 */
export function linesOf(page: Page, selector: string): Promise<number> {
  return page.locator(selector).first().evaluate((el) => {
    const rects: DOMRect[] = [];
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const range = document.createRange();
      range.selectNodeContents(node);
      rects.push(...range.getClientRects());
    }
    const clips = [el, ...el.querySelectorAll('*')].filter((e) => getComputedStyle(e).overflow !== 'visible').map((e) => e.getBoundingClientRect());
    const shown = rects.filter((q) => q.width > 0 && clips.every((c) => q.top >= c.top - 1 && q.bottom <= c.bottom + 1));
    // Fragments of one line may differ by a pixel or two in their tops.
    const tops = shown.map((q) => q.top).sort((a, b) => a - b);
    return tops.filter((t, i) => i === 0 || t - tops[i - 1]! > 4).length;
  });
}
