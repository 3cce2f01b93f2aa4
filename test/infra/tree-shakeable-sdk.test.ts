import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../infra/constructs/bundling';

const SCRIPT = join(REPO_ROOT, 'scripts/tree-shakeable-sdk.mjs');
const SCHEMA = [
  'const _h = "http";',
  'const _e = "error";',
  'const n0 = "com.amazonaws.connect";',
  'export var StartTaskContact$ = [9, n0, "StartTaskContact", { [_h]: ["PUT", "/contact/task", 200] }, () => 0, () => 0];',
  'export var Throttling$ = [-3, n0, "Throttling", { [_e]: "client" }, [], []];',
  '',
].join('\n');

let root: string;
afterEach(() => rmSync(root, { recursive: true, force: true }));

function install(files: Record<string, string>): void {
  root = mkdtempSync(join(tmpdir(), 'sdk-keys-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

const run = () => spawnSync(process.execPath, [SCRIPT, root], { encoding: 'utf8' });

describe('postinstall: AWS SDK schemas with literal trait keys', () => {
  it('rewrites computed trait keys as the strings they stand for, in nested installs too, once', () => {
    // Prepare
    const top = 'node_modules/@aws-sdk/client-connect/dist-es/schemas/schemas_0.js';
    const nested =
      'node_modules/x/node_modules/@aws-sdk/nested-clients/dist-es/submodules/sts/schemas/schemas_0.js';
    install({ [top]: SCHEMA, [nested]: SCHEMA });

    // Act
    const first = run();
    const second = run();

    // Assess
    expect(first.stdout).toContain('2 AWS SDK schema file(s) rewritten');
    expect(second.stdout).toContain('0 AWS SDK schema file(s) rewritten');
    for (const file of [top, nested]) {
      const text = readFileSync(join(root, file), 'utf8');
      expect(text).toContain('{ "http": ["PUT", "/contact/task", 200] }');
      expect(text).toContain('{ "error": "client" }');
      expect(text).not.toMatch(/\[_\w+\]:/);
    }
  });

  it('leaves alone a file whose keys are not all known strings, and files outside the SDK or its ESM build', () => {
    // Prepare
    const unknown = `${SCHEMA}export var Odd$ = [9, n0, "Odd", { [_x]: 1 }];\n`;
    const files = {
      'node_modules/@aws-sdk/client-odd/dist-es/schemas/schemas_0.js': unknown,
      'node_modules/@aws-sdk/client-connect/dist-cjs/schemas/schemas_0.js': SCHEMA,
      'node_modules/other/dist-es/schemas/schemas_0.js': SCHEMA,
    };
    install(files);

    // Act
    const result = run();

    // Assess
    expect(result.status).toBe(0);
    for (const [file, text] of Object.entries(files))
      expect(readFileSync(join(root, file), 'utf8')).toBe(text);
  });
});
