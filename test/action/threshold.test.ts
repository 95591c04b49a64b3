import { describe, expect, test } from 'vitest';
import { GRADES } from '../../src/scan-view.js';
import type { Grade } from '../../src/scan-view.js';
import { judge } from '../../src/threshold.js';
import { completedScan, finding } from './support/scans.js';

describe('fail-below', () => {
  // Every pair of scan grade and threshold: the step fails exactly when the grade is worse.
  for (const threshold of GRADES) {
    for (const grade of GRADES) {
      const fails = GRADES.indexOf(grade) > GRADES.indexOf(threshold);
      test(`grade ${grade} with fail-below ${threshold} ${fails ? 'fails' : 'passes'}`, () => {
        expect(judge(completedScan({ grade }), { failBelow: threshold }).passed).toBe(!fails);
      });
    }
  }

  test('the failure is one line that names the grade, the threshold and what to do', () => {
    const verdict = judge(completedScan({ grade: 'D' as Grade }), { failBelow: 'B' });
    expect(verdict.message).toBe(
      'IsSafeSite scan of https://preview.example.com/ failed the threshold: grade D is below fail-below B. Fix the findings listed in the job summary, or relax the threshold.',
    );
    expect(verdict.message).not.toContain('\n');
  });
});

describe('fail-on-severity', () => {
  const scan = completedScan({ findings: [finding({ severity: 'medium' }), finding({ severity: 'low' })] });

  test('fails when a finding is at the severity', () => {
    expect(judge(scan, { failOnSeverity: 'medium' })).toMatchObject({ passed: false, checks: ['1 finding at medium or above'] });
  });

  test('fails when a finding is above the severity', () => {
    expect(judge(scan, { failOnSeverity: 'low' }).message).toContain('2 findings at low or above (fail-on-severity low)');
  });

  test('passes when every finding is below the severity', () => {
    expect(judge(scan, { failOnSeverity: 'high' })).toEqual({ passed: true, checks: ['no finding at high or above'] });
  });

  test('info catches any finding', () => {
    expect(judge(scan, { failOnSeverity: 'info' }).checks).toEqual(['2 findings at any severity']);
  });
});

test('no threshold always passes', () => {
  expect(judge(completedScan({ grade: 'F' }), {})).toEqual({ passed: true, checks: [] });
});

test('both thresholds failing are reported in the same line', () => {
  const verdict = judge(completedScan({ grade: 'F', findings: [finding({ severity: 'critical' })] }), { failBelow: 'C', failOnSeverity: 'high' });
  expect(verdict.message).toContain('grade F is below fail-below C; 1 finding at high or above');
});
