// Classes travel as base64 of one byte per village (255 = no data): decode them to a Uint8Array.

export const NO_DATA = 255;

export function decodeClasses(value) {
  if (value == null || value === '') return new Uint8Array(0);
  if (Array.isArray(value)) {
    // Tolerated for hand-written layouts: a plain list, null for no data.
    return Uint8Array.from(value, (v) => (v == null ? NO_DATA : v));
  }
  if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(value);
  const binary = atob(value);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) out[i] = binary.charCodeAt(i);
  return out;
}

// Marks as bits, so that a village's marks compare as one number.
export const MARKS = ['unreliable', 'flagged', 'added', 'selected'];

export function markBits(marks) {
  const bits = new Map();
  if (!marks) return bits;
  for (const [code, value] of Object.entries(marks)) {
    const names = Array.isArray(value) ? value : [value];
    let b = 0;
    for (const name of names) {
      const index = MARKS.indexOf(name);
      if (index >= 0) b |= 1 << index;
    }
    if (b) bits.set(code, b);
  }
  return bits;
}

export function markState(bits) {
  const state = {};
  MARKS.forEach((name, index) => {
    state[name] = (bits & (1 << index)) !== 0;
  });
  return state;
}
