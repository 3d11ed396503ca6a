// A small SVG bar chart (no library): per day, occupancy as a share of the open time, and cancellations and no-shows as
// counts. It is drawn with DOM calls, so it obeys the page's content security policy; a data table beside it carries
// the same figures for screen readers.

const NS = 'http://www.w3.org/2000/svg';

function svg(tag, attributes, text) {
  const element = document.createElementNS(NS, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
}

/** days: [{ date, ratio (0..1 or null), cancellations, noShows }]. */
export function occupancyChart(days, title) {
  const width = 640;
  const height = 260;
  const left = 40;
  const right = 36;
  const top = 28;
  const bottom = 40;
  const plotWidth = width - left - right;
  const plotHeight = height - top - bottom;
  const maxCount = Math.max(1, ...days.map((d) => Math.max(d.cancellations, d.noShows)));
  const group = plotWidth / Math.max(days.length, 1);
  const bar = Math.max(2, Math.min(18, (group - 4) / 3));

  const root = svg('svg', { class: 'chart', viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': title });
  root.append(svg('title', {}, title));
  root.append(svg('line', { class: 'axis', x1: left, y1: top, x2: left, y2: top + plotHeight }));
  root.append(svg('line', { class: 'axis', x1: left, y1: top + plotHeight, x2: left + plotWidth, y2: top + plotHeight }));
  for (const share of [0, 0.5, 1]) {
    const y = top + plotHeight - share * plotHeight;
    root.append(svg('text', { x: left - 4, y: y + 4, 'text-anchor': 'end' }, `${Math.round(share * 100)}%`));
  }
  root.append(svg('text', { x: left + plotWidth + 4, y: top + 4 }, String(maxCount)));
  root.append(svg('text', { x: left + plotWidth + 4, y: top + plotHeight + 4 }, '0'));

  days.forEach((day, index) => {
    const x = left + index * group + (group - 3 * bar) / 2;
    const occupancy = (day.ratio ?? 0) * plotHeight;
    const cancelled = (day.cancellations / maxCount) * plotHeight;
    const noShows = (day.noShows / maxCount) * plotHeight;
    root.append(svg('rect', { class: 'bar-occupancy', 'data-date': day.date, x, y: top + plotHeight - occupancy, width: bar, height: occupancy }));
    root.append(svg('rect', { class: 'bar-cancel', x: x + bar, y: top + plotHeight - cancelled, width: bar, height: cancelled }));
    root.append(svg('rect', { class: 'bar-noshow', x: x + 2 * bar, y: top + plotHeight - noShows, width: bar, height: noShows }));
    if (days.length <= 10 || index % Math.ceil(days.length / 10) === 0) {
      root.append(svg('text', { x: x + 1.5 * bar, y: top + plotHeight + 14, 'text-anchor': 'middle' }, day.date.slice(5)));
    }
  });

  const legend = [['bar-occupancy', 'Occupancy (left axis)'], ['bar-cancel', 'Cancellations'], ['bar-noshow', 'No-shows (right axis)']];
  legend.forEach(([name, label], index) => {
    const x = left + index * 200;
    root.append(svg('rect', { class: name, x, y: 6, width: 12, height: 12 }));
    root.append(svg('text', { x: x + 16, y: 16 }, label));
  });
  return root;
}
