/**
 * `npm start`'s last step (scripts/check-examples.mjs) checks the example drafts only: its tally
 * of findings is the total the CLI printed, so examples/README.md (documentation) is not read as
 * a draft.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { packageRoot } from '../../server/src/node/resources';

describe('npm start: the example drafts', function () {
  this.timeout(120_000);

  it('tallies exactly the findings it prints, and examples/README.md is not among the drafts', () => {
    const run = spawnSync(process.execPath, [join(packageRoot(), 'scripts', 'check-examples.mjs')], { encoding: 'utf8', timeout: 110_000 });
    assert.equal(run.status, 0, run.stderr);
    assert.doesNotMatch(run.stdout, /README\.md:\d+:\d+:/, "no finding in examples/README.md");
    const printed = /^(\d+) files checked: (\d+) findings/m.exec(run.stdout);
    const tally = /✓ (\d+) clean drafts without findings; (\d+) findings in (\d+) drafts with planted errors/.exec(run.stdout);
    assert.ok(printed && tally, run.stdout.slice(-400));
    assert.equal(Number(tally[2]), Number(printed[2]), 'findings tallied = findings printed');
    assert.equal(Number(tally[1]) + Number(tally[3]), Number(printed[1]), 'drafts tallied = files checked');
  });
});
