// After `vite build`: writes a gzip twin (file.gz, best compression) of every text asset in
// dist/, which the server sends to clients that accept gzip. Small files are left alone.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, constants } from 'node:zlib';

const root = new URL('../dist/', import.meta.url).pathname;
const TEXT = /\.(js|css|html|svg|json|txt|geojson)$/;
let files = 0;
let before = 0;
let after = 0;

function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (TEXT.test(name) && statSync(path).size >= 1024) {
      const bytes = readFileSync(path);
      const packed = gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION });
      writeFileSync(`${path}.gz`, packed);
      files += 1;
      before += bytes.length;
      after += packed.length;
    }
  }
}

walk(root);
console.log(
  `compress: ${files} files, ${Math.round(before / 1024)} kB -> ${Math.round(after / 1024)} kB gzip`,
);
