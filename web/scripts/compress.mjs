// After `vite build`: writes a brotli twin (file.br) and a gzip twin (file.gz), both at best
// compression, of every text asset in dist/; the server sends the smallest one the client
// accepts (brotli: about a sixth smaller on the scripts). Small files are left alone.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const root = new URL('../dist/', import.meta.url).pathname;
const TEXT = /\.(js|css|html|svg|json|txt|geojson)$/;
let files = 0;
let before = 0;
let gz = 0;
let br = 0;

function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (TEXT.test(name) && statSync(path).size >= 1024) {
      const bytes = readFileSync(path);
      const gzipped = gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION });
      const brotli = brotliCompressSync(bytes, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        },
      });
      writeFileSync(`${path}.gz`, gzipped);
      writeFileSync(`${path}.br`, brotli);
      files += 1;
      before += bytes.length;
      gz += gzipped.length;
      br += brotli.length;
    }
  }
}

walk(root);
console.log(
  `compress: ${files} files, ${Math.round(before / 1024)} kB -> ${Math.round(gz / 1024)} kB gzip, ${Math.round(br / 1024)} kB brotli`,
);
