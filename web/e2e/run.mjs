// Runs the browser suites (the files given, or every *.test.mjs here), two files at a time,
// each with its own server and browser. A file with a failed test is run once more, alone:
// a failure that repeats fails the run; one that does not is reported as a flake — named in a
// banner, after the first run's report and what the browser saw then — never passed silently.
// A browser test waits on animations, a second process and the machine's load, and the CI
// machine is shared; one lost click must not hide the other 40 tests' verdict, nor pass
// unseen.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { run } from 'node:test';
import { tap } from 'node:test/reporters';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const files =
  process.argv.length > 2
    ? process.argv.slice(2)
    : readdirSync(here)
        .filter((f) => f.endsWith('.test.mjs'))
        .sort()
        .map((f) => join(here, f));

// Runs `files`; resolves to the failed tests, as [file, test name].
function suite(files, concurrency) {
  return new Promise((resolve, reject) => {
    const failed = [];
    const stream = run({ files, concurrency });
    stream.on('test:fail', (d) => failed.push([d.file, d.name]));
    const out = stream.compose(tap);
    out.on('error', reject);
    out.on('end', () => resolve(failed));
    out.pipe(process.stdout, { end: false });
  });
}

const first = await suite(files, 2);
if (first.length === 0) process.exit(0);
const again = [...new Set(first.map(([file]) => file))];
// Many failed files say something is broken, not flaky: no second run.
if (again.length > 3) process.exit(1);
console.log(`\n# ${first.length} test(s) failed; running ${again.join(', ')} once more, alone`);
const second = await suite(again, 1);
if (second.length > 0) process.exit(1);
const names = first.filter(([, name]) => !again.includes(name)).map(([, name]) => name);
console.log(
  [
    '',
    '# FLAKY — failed on the first run, passed on the second (see the first report above):',
    ...names.map((name) => `#   ${name}`),
    '',
  ].join('\n'),
);
process.exit(0);
