// Runs Microsoft Recognizers-Text (English date/time model) over texts read
// as JSON lines {"id","text"} on stdin; prints one JSON line per text with the
// durations it found (byte offsets, value in days), then a timing line.
const R = require('@microsoft/recognizers-text-suite');
const lines = require('fs').readFileSync(0, 'utf8').split('\n').filter((l) => l.trim());
const out = [];
const t0 = process.hrtime.bigint();
for (const line of lines) {
  const rec = JSON.parse(line);
  const found = [];
  for (const e of R.recognizeDateTime(rec.text, R.Culture.English)) {
    if (e.typeName !== 'datetimeV2.duration') continue;
    const v = e.resolution && e.resolution.values && e.resolution.values[0];
    const begin = Buffer.byteLength(rec.text.slice(0, e.start));
    found.push({ text: e.text, begin, end: begin + Buffer.byteLength(e.text),
                 days: v && v.value ? Number(v.value) / 86400 : null });
  }
  out.push(JSON.stringify({ id: rec.id, durations: found }));
}
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
console.log(out.join('\n'));
console.log(JSON.stringify({ timing_ms: ms, texts: lines.length }));
