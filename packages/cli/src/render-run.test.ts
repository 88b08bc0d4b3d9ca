import { describe, expect, it } from 'vitest';
import { describeRun } from './render-run';

describe('describeRun', () => {
  it('says after a downgrade that the dropped data does not come back', () => {
    const lines = describeRun(
      {
        from: 'bbbbbbbbbbbb',
        to: 'aaaaaaaaaaaa',
        steps: [
          {
            revision: 'bbbbbbbbbbbb',
            message: 'drop username',
            direction: 'downgrade',
            statements: ['ALTER TABLE users ADD COLUMN username VARCHAR(255)'],
          },
        ],
        preflight: [],
        notices: [
          'Downgrading bbbbbbbbbbbb adds column users.username back empty: a downgrade cannot bring dropped data back.',
        ],
        dryRun: false,
      },
      [],
    );
    expect(lines).toEqual([
      'Running downgrade bbbbbbbbbbbb -> , drop username',
      '  notice: Downgrading bbbbbbbbbbbb adds column users.username back empty: a downgrade cannot bring dropped data back.',
      'The database is now at aaaaaaaaaaaa.',
    ]);
  });
});
