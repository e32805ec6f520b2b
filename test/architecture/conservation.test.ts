import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONSERVATION, libelleDuree } from '@shared/rules/conservation';

describe('README and the retention table', () => {
  it('DATA-RETENTION: the README shows every entry of shared/rules/conservation.ts as it is (data, duration, start, action, source)', () => {
    const readme = readFileSync('README.md', 'utf8');
    for (const e of CONSERVATION) {
      expect(readme).toContain(`| ${e.donnees} | ${libelleDuree(e.duree)} | ${e.depart} | **${e.action}** : ${e.effet} | ${e.source} | ${e.appliquePar} |`);
    }
  });
});
