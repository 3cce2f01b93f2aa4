// `npm run classify`: JSON lines in ({"text", "subject"?, "channel"?, "from"?}), one JSON line out per
// line; a bad line gets {"line", "error"} and the rest carries on.
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { TravelClassifier } from '../../functions/domain/classify/index';

const Input = z.object({
  text: z.string(),
  subject: z.string().optional(),
  channel: z.string().optional(),
  from: z.string().optional(),
  to: z.string().optional(),
});

const classifier = new TravelClassifier();
let lineNumber = 0;
for await (const line of createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY })) {
  lineNumber++;
  if (line.trim() === '') continue;
  process.stdout.write(`${JSON.stringify(classifyLine(line))}\n`);
}

function classifyLine(line: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return { line: lineNumber, error: 'not valid JSON' };
  }
  const input = Input.safeParse(parsed);
  if (!input.success) {
    return {
      line: lineNumber,
      error: input.error.issues.map((i) => `${i.path.join('.') || 'line'}: ${i.message}`).join('; '),
    };
  }
  const { language, confidence, topic, topicConfidence, urgent, bookingRef } = classifier.classify(
    input.data,
  );
  return { language, confidence, topic, topicConfidence, urgent, bookingRef };
}
