// The browser's JavaScript of the diary that is not generated: web/boot.js, web/split-loader.js
// and web/sw.js. Their comments are for readers of the source; what the build ships has its
// whole-line comments removed (every patient's first open downloads boot.js and the loader).
import { readFileSync } from 'node:fs';

/**
 * `source` without its whole-line comments (`// …` lines and `/* … *\/` blocks that start a
 * line) and blank lines. Comments after code on a line stay. A template literal that spans
 * lines could hold such a line, so a source with one is refused.
 */
export function withoutComments(source, file = 'source') {
  const lines = source.split('\n');
  const out = [];
  let inBlock = false;
  for (const [i, line] of lines.entries()) {
    if ((line.match(/`/g) ?? []).length % 2) throw new Error(`${file}:${i + 1}: a template literal spans lines`);
    const trimmed = line.trim();
    if (inBlock) {
      if (trimmed.includes('*/')) {
        if (!trimmed.endsWith('*/')) throw new Error(`${file}:${i + 1}: code after a comment block`);
        inBlock = false;
      }
      continue;
    }
    if (trimmed.startsWith('/*')) {
      if (!trimmed.includes('*/', 2)) inBlock = true;
      else if (!trimmed.endsWith('*/')) throw new Error(`${file}:${i + 1}: code after a comment block`);
      continue;
    }
    if (trimmed === '' || trimmed.startsWith('//')) continue;
    out.push(line);
  }
  if (inBlock) throw new Error(`${file}: a comment block is not closed`);
  return `${out.join('\n')}\n`;
}

/** web/<name>, as the build ships it. */
export function webSource(name) {
  return withoutComments(readFileSync(new URL(`../web/${name}`, import.meta.url), 'utf8'), `web/${name}`);
}
