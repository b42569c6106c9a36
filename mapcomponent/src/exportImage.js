// The PNG export: the map's canvas with a title band above and the legend, source and date below, drawn on a 2D
// canvas (local fonts only). Data marked fiktif carries the mark in the title band and across the map.

const FONT = 'system-ui, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

function wrap(ctx, text, width) {
  const lines = [];
  for (const paragraph of String(text).split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/)) {
      const candidate = line ? `${line} ${word}` : word;
      if (line && ctx.measureText(candidate).width > width) {
        lines.push(line);
        line = word;
      } else {
        line = candidate;
      }
    }
    lines.push(line);
  }
  return lines;
}

// Lays out legend items left to right, wrapping; returns each item's position and the block's height.
function flow(ctx, items, width, s) {
  const swatch = 16 * s;
  const gap = 18 * s;
  const row = 22 * s;
  let x = 0;
  let y = 0;
  const placed = [];
  for (const item of items) {
    const w = swatch + 6 * s + ctx.measureText(item.label).width;
    if (x > 0 && x + w > width) {
      x = 0;
      y += row;
    }
    placed.push({...item, x, y});
    x += w + gap;
  }
  return {placed, height: items.length ? y + row : 0};
}

function drawSwatch(ctx, item, x, y, s) {
  const size = 16 * s;
  if (item.outline) {
    ctx.fillStyle = '#f1f3f5';
    ctx.fillRect(x, y, size, size);
    if (item.outline.hatch) {
      // As on the map (style.js hatchImage): thin diagonals every 8 px.
      ctx.save();
      ctx.beginPath();
      ctx.rect(x, y, size, size);
      ctx.clip();
      ctx.strokeStyle = 'rgba(73, 80, 87, 0.8)';
      ctx.lineWidth = 1 * s;
      for (let d = -size; d < size; d += 8 * s) {
        ctx.beginPath();
        ctx.moveTo(x + d, y + size);
        ctx.lineTo(x + d + size, y);
        ctx.stroke();
      }
      ctx.restore();
    }
    ctx.strokeStyle = item.outline.colour;
    ctx.lineWidth = item.outline.width * s;
    ctx.setLineDash(item.outline.dash ? item.outline.dash.map((d) => d * item.outline.width * s) : []);
    ctx.strokeRect(x + ctx.lineWidth / 2, y + ctx.lineWidth / 2, size - ctx.lineWidth, size - ctx.lineWidth);
    ctx.setLineDash([]);
  } else {
    ctx.fillStyle = item.colour;
    ctx.fillRect(x, y, size, size);
    ctx.strokeStyle = '#adb5bd';
    ctx.lineWidth = 1 * s;
    ctx.strokeRect(x, y, size, size);
  }
}

function bivariateSize(bivariate, palette) {
  const n = bivariate && Number(bivariate.size);
  return n >= 2 && palette && palette.length >= n * n ? n : 0;
}

function drawBivariate(ctx, bivariate, palette, x, y, s) {
  const n = bivariateSize(bivariate, palette);
  const cell = 18 * s;
  // Rows from the top are the highest y class; columns from the left the lowest x class.
  for (let row = 0; row < n; row += 1) {
    for (let col = 0; col < n; col += 1) {
      ctx.fillStyle = palette[(n - 1 - row) * n + col];
      ctx.fillRect(x + 14 * s + col * cell, y + row * cell, cell, cell);
    }
  }
  ctx.fillStyle = '#212529';
  ctx.font = `${11 * s}px ${FONT}`;
  ctx.textBaseline = 'top';
  ctx.fillText(`${bivariate.x_label || ''} →`, x + 14 * s, y + n * cell + 4 * s);
  ctx.save();
  ctx.translate(x + 10 * s, y + n * cell);
  ctx.rotate(-Math.PI / 2);
  ctx.textBaseline = 'bottom';
  ctx.fillText(`${bivariate.y_label || ''} →`, 0, 0);
  ctx.restore();
}

export function composeExport(mapCanvas, options) {
  const {title, legend, markLegend, source, date, mark, bivariate, palette} = options;
  const s = Math.max(1, options.ratio || 1);
  const width = mapCanvas.width;
  const margin = 16 * s;
  const scratch = document.createElement('canvas').getContext('2d');

  scratch.font = `bold ${12 * s}px ${FONT}`;
  const markWidth = mark ? scratch.measureText(mark).width + 16 * s : 0;
  scratch.font = `bold ${20 * s}px ${FONT}`;
  const titleLines = title ? wrap(scratch, title, width - 2 * margin - markWidth - 8 * s) : [];
  const titleHeight = margin + Math.max(titleLines.length * 26 * s, mark ? 24 * s : 0) + margin / 2;

  const n = bivariateSize(bivariate, palette);
  const bivariateWidth = n ? (14 + n * 18 + 16) * s : 0;
  scratch.font = `${13 * s}px ${FONT}`;
  const items = [
    ...(legend || []).map(([colour, label]) => ({colour, label: String(label)})),
    ...(markLegend || []).map(([outline, label]) => ({outline, label: String(label)})),
  ];
  const legendFlow = flow(scratch, items, width - 2 * margin - bivariateWidth, s);
  const bivariateHeight = n ? (n * 18 + 22) * s : 0;
  const legendHeight = Math.max(legendFlow.height, bivariateHeight);
  const footerHeight = source || date ? 22 * s : 0;
  const bottomHeight = legendHeight || footerHeight ? margin + legendHeight + footerHeight + margin / 2 : 0;

  const out = document.createElement('canvas');
  out.width = width;
  out.height = Math.round(titleHeight + mapCanvas.height + bottomHeight);
  const ctx = out.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, out.width, out.height);

  ctx.fillStyle = '#212529';
  ctx.font = `bold ${20 * s}px ${FONT}`;
  ctx.textBaseline = 'top';
  titleLines.forEach((line, i) => ctx.fillText(line, margin, margin + i * 26 * s));
  if (mark) {
    ctx.font = `bold ${12 * s}px ${FONT}`;
    const x = width - margin - markWidth;
    ctx.strokeStyle = '#c92a2a';
    ctx.lineWidth = 1.5 * s;
    ctx.strokeRect(x, margin, markWidth, 22 * s);
    ctx.fillStyle = '#c92a2a';
    ctx.fillText(mark, x + 8 * s, margin + 5 * s);
  }

  const mapTop = titleHeight;
  ctx.drawImage(mapCanvas, 0, mapTop);
  if (mark) {
    // Across the map, faint: a cropped screenshot still says the figures are not real.
    ctx.save();
    ctx.translate(width / 2, mapTop + mapCanvas.height / 2);
    ctx.rotate(-Math.PI / 8);
    ctx.globalAlpha = 0.14;
    ctx.fillStyle = '#c92a2a';
    ctx.font = `bold ${Math.max(24 * s, Math.min(width, mapCanvas.height) / 10)}px ${FONT}`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(mark, 0, 0);
    ctx.restore();
  }

  let y = mapTop + mapCanvas.height + margin;
  if (n) drawBivariate(ctx, bivariate, palette, margin, y, s);
  ctx.font = `${13 * s}px ${FONT}`;
  ctx.textBaseline = 'middle';
  for (const item of legendFlow.placed) {
    const x = margin + bivariateWidth + item.x;
    drawSwatch(ctx, item, x, y + item.y, s);
    ctx.fillStyle = '#212529';
    ctx.fillText(item.label, x + 22 * s, y + item.y + 8 * s);
  }
  y += legendHeight;
  if (footerHeight) {
    ctx.font = `${11 * s}px ${FONT}`;
    ctx.fillStyle = '#495057';
    ctx.textBaseline = 'top';
    if (source) ctx.fillText(source, margin, y + 4 * s);
    if (date) {
      ctx.textAlign = 'right';
      ctx.fillText(date, width - margin, y + 4 * s);
      ctx.textAlign = 'left';
    }
  }
  return out.toDataURL('image/png');
}
