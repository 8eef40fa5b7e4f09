import { createServer } from 'node:net';

/**
 * Asks the OS for a port nobody listens on. Used for DynamoDB Local, a Java process that cannot be
 * told "port 0" and report back; the port is free when returned, and the caller retries on the rare
 * race where another process takes it first.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.once('error', reject);
    // No host: the probe binds every interface, as DynamoDB Local will.
    probe.listen(0, () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => (port > 0 ? resolve(port) : reject(new Error('The OS gave no free port.'))));
    });
  });
}
