import { readdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { folderOf, type Judged, judgeCorpus } from '../../fixtures/email/machine/corpus';

// Why each machine sample must go unanswered (test/fixtures/email/machine/PROVENANCE.md says where each
// comes from). A sample recognised for another reason would still go unanswered, but the reason is
// what the case shows agents and what threads a bounce onto its case, so it is pinned too.
const EXPECTED: Record<string, string> = {
  'flanker-complaint-yahoo.eml': 'complaint-report',
  'flanker-disposition-notification.eml': 'read-receipt',
  'mail-report_422.eml': 'bounce',
  'sisimai-arf-15.eml': 'complaint-report',
  'sisimai-arf-19.eml': 'complaint-report',
  'sisimai-arf-24.eml': 'complaint-report',
  'sisimai-arf-26.eml': 'auto-reply',
  'sisimai-rfc3834-03.eml': 'auto-reply',
  'sisimai-rfc3834-05.eml': 'auto-reply',
  'written-bare-mailer-daemon.eml': 'bounce',
  'written-challenge-subject.eml': 'challenge-response',
  'written-do-not-reply.eml': 'no-reply-sender',
  'written-ezmlm-mailing-list.eml': 'list',
  'written-fml-x-ml-name.eml': 'list',
  'written-icloud-vacation.eml': 'auto-reply',
  'written-list-sender-mailman.eml': 'list',
  'written-list-sender.eml': 'list',
  'written-list-subscribe-only.eml': 'list',
  'written-mailerdaemon.eml': 'bounce',
  'written-noreply-prefix.eml': 'no-reply-sender',
  'written-noreply.eml': 'no-reply-sender',
  'written-post_master.eml': 'bounce',
  'written-subject-aol-suffix.eml': 'auto-reply',
  'written-subject-de-antwort.eml': 'auto-reply',
  'written-subject-de.eml': 'auto-reply',
  'written-subject-en-ooo.eml': 'auto-reply',
  'written-subject-en.eml': 'auto-reply',
  'written-subject-es.eml': 'auto-reply',
  'written-subject-fr.eml': 'auto-reply',
  'written-subject-id.eml': 'auto-reply',
  'written-subject-it.eml': 'auto-reply',
  'written-subject-lotus.eml': 'auto-reply',
  'written-subject-nl.eml': 'auto-reply',
  'written-subject-pt.eml': 'auto-reply',
  'written-subject-ru.eml': 'auto-reply',
  'written-subject-zh.eml': 'auto-reply',
  'written-suffix-noreply.eml': 'no-reply-sender',
  'written-tmda-challenge.eml': 'challenge-response',
  'written-x-loop.eml': 'list',
  'written-x-mailing-list.eml': 'list',
};

const machineFiles = readdirSync(folderOf('machine')).filter((f) => f.endsWith('.eml'));
const personFiles = readdirSync(folderOf('person')).filter((f) => f.endsWith('.eml'));

describe('the labelled machine-mail corpus through the real parser and loop guard', () => {
  let judged: Map<string, Judged>;

  beforeAll(async () => {
    judged = new Map((await judgeCorpus()).map((j) => [`${j.label}/${j.file}`, j]));
  });

  it('has an expected reason for every machine sample, and samples of both kinds', () => {
    expect(machineFiles.sort()).toEqual(Object.keys(EXPECTED).sort());
    expect(personFiles.length).toBeGreaterThanOrEqual(15);
  });

  it.each(machineFiles)('gives no acknowledgement to the machine sample %s, for its reason', (file) => {
    expect(judged.get(`machine/${file}`)?.reason).toBe(EXPECTED[file]);
  });

  it.each(personFiles)('acknowledges the person sample %s', (file) => {
    expect(judged.get(`person/${file}`)?.reason).toBeUndefined();
  });
});
