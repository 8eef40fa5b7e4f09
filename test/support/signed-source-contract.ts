import { describe, expect, it } from 'vitest';
import type { SignedSourceName } from '#infra/local/provider-signatures.ts';
import { expectProblem, IntakeHarness } from './intake-harness.ts';

/**
 * The rules every signing source must keep, run against a provider's documented example: signed
 * on the raw bytes, fail closed, idempotent on the provider's own id.
 */
export function signedSourceRules(source: SignedSourceName, body: string, secretName: string): void {
  describe(`${source}: trust and idempotency`, () => {
    it('records the documented example once, however often it is delivered', async () => {
      const intake = new IntakeHarness();
      // The same delivery id where the scheme has one in its headers (generic's webhook-id).
      const first = await intake.signed(source, body, { id: 'msg_retried' });
      const second = await intake.signed(source, body, { id: 'msg_retried' });
      expect(first.status).toBe(202);
      expect(first.body).toMatchObject({ status: 'accepted', duplicate: false });
      expect(second.body).toMatchObject({
        status: 'accepted',
        duplicate: true,
        contactId: first.body.contactId,
        activityId: first.body.activityId,
      });
      expect(intake.activities()).toHaveLength(1);
    });

    it('refuses a signature made with another secret', async () => {
      const intake = new IntakeHarness();
      const otherSecret = `whsec_${Buffer.from('another-secret-0123456789abcdef').toString('base64')}`;
      expectProblem(await intake.signed(source, body, { secret: otherSecret }), 401, 'invalid-signature');
      intake.expectNothingWritten();
    });

    it('refuses a body changed after signing', async () => {
      const intake = new IntakeHarness();
      const headers = intake.signedHeaders(source, body);
      const tampered = body.replace('@', '@x');
      expectProblem(await intake.send(source, tampered, headers), 401, 'invalid-signature');
      intake.expectNothingWritten();
    });

    it('refuses a delivery without signature headers', async () => {
      const intake = new IntakeHarness();
      const response = await intake.send(source, body, { 'content-type': 'application/json' });
      expectProblem(response, 401, 'invalid-signature');
      intake.expectNothingWritten();
    });

    it('refuses everything while its secret is not configured (fail closed)', async () => {
      const intake = new IntakeHarness();
      intake.secrets.delete(secretName);
      expectProblem(await intake.signed(source, body), 401, 'source-not-configured');
      intake.expectNothingWritten();
    });
  });
}
