import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { knownPlaceholders } from '../../../local/doors/voice/connect-local';
import { flowTypeOfName, MAX_FLOW_ACTIONS, validateFlow } from '../../../local/flow-sim';

const files = readdirSync('contact-flows').filter((f) => f.endsWith('.json') && f !== 'placeholders.json');

describe('contact flows in the repository', () => {
  it('are the three flows the IVR and the hand-offs need', () => {
    expect(files.sort()).toEqual(['customer-queue.json', 'main-inbound.json', 'task-routing.json']);
  });

  it.each(files)('%s validates: targets, reachability, branches, size, placeholders, flow type', (file) => {
    const flow = JSON.parse(readFileSync(`contact-flows/${file}`, 'utf8')) as {
      Version: string;
      Actions: unknown[];
    };
    expect(flow.Version).toBe('2019-10-30');
    expect(flow.Actions.length).toBeLessThanOrEqual(MAX_FLOW_ACTIONS);
    const flowType = flowTypeOfName(file.replace(/\.json$/, ''));
    expect(validateFlow(flow, { knownPlaceholders: knownPlaceholders(), flowType })).toEqual([]);
  });

  it.each(files)('%s carries no prompt text of its own: every spoken text is a reference', (file) => {
    const text = readFileSync(`contact-flows/${file}`, 'utf8');
    const spoken = [...text.matchAll(/"(?:Text|SSML)":\s*"([^"]*)"/g)].map((m) => m[1] ?? '');
    for (const value of spoken) expect(value).toMatch(/^\$\.(External|Attributes)\.\w+$/);
  });

  it('lists every placeholder with a description', () => {
    const json = JSON.parse(readFileSync('contact-flows/placeholders.json', 'utf8')) as {
      placeholders: Record<string, string>;
    };
    for (const [name, description] of Object.entries(json.placeholders)) {
      expect(name).toMatch(/^[A-Z][A-Za-z0-9]+$/);
      expect(description.length).toBeGreaterThan(10);
    }
  });

  it('uses one static routing-behaviour block per priority level in the main and task flows', () => {
    for (const file of ['main-inbound.json', 'task-routing.json']) {
      const flow = JSON.parse(readFileSync(`contact-flows/${file}`, 'utf8')) as {
        Actions: { Type: string; Parameters: { QueuePriority?: string } }[];
      };
      const levels = flow.Actions.filter((a) => a.Type === 'UpdateContactRoutingBehavior').map(
        (a) => a.Parameters.QueuePriority,
      );
      expect(levels).toEqual(['1', '2', '3', '4', '5']);
    }
  });
});
