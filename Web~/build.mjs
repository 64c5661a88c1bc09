// Copies the page client from the Unity package's Runtime/Web (the one source) into this folder for `npm pack`,
// and removes the copies again after packing (`--clean`), so nothing here is a second source to keep in step.
// The npm package holds only these files and has no dependencies: none of the Unity package comes with it.
import { copyFileSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const copies = {
  'ipc-renderer.js': 'Runtime/Web/ipc-renderer.js',
  'ipc-renderer.mjs': 'Runtime/Web/ipc-renderer.mjs',
  'ipc-renderer.d.ts': 'Runtime/Web/ipc-renderer.d.ts',
  'ipc-renderer.d.mts': 'Runtime/Web/ipc-renderer.d.mts',
  'ipc-renderer.global.d.ts': 'Runtime/Web/ipc-renderer.global.d.ts',
  'LICENSE.md': 'LICENSE.md',
};

if (process.argv.includes('--clean')) {
  for (const name of Object.keys(copies)) rmSync(join(here, name), { force: true });
} else {
  // One version for both packages: a page client never runs against an engine of another release by accident.
  const unity = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
  const npm = JSON.parse(readFileSync(join(here, 'package.json'), 'utf8')).version;
  if (unity !== npm) throw new Error(`Web~/package.json is ${npm} but the Unity package is ${unity}; set both to the same version`);
  for (const [name, source] of Object.entries(copies)) copyFileSync(join(root, source), join(here, name));
}
