/** A Lambda handler as middy builds it: event and context in, a promise out. */
export type AsyncHandler<Event, Context, Result> = (event: Event, context: Context) => Promise<Result>;

/**
 * A handler whose adapters need an `await` to build (a secret from Secrets Manager), built on the
 * first invocation and kept for the container's life. Function bundles are CommonJS, which has no
 * top-level await (see infra/cdk/bundle-settings.ts). A failed build is not kept: the next
 * invocation tries again, so a passing Secrets Manager error does not poison the container.
 */
export function deferredHandler<Event, Context, Result>(
  build: () => Promise<AsyncHandler<Event, Context, Result>>,
): AsyncHandler<Event, Context, Result> {
  let built: Promise<AsyncHandler<Event, Context, Result>> | undefined;
  return async (event, context) => {
    built ??= build().catch((error: unknown) => {
      built = undefined;
      throw error;
    });
    return (await built)(event, context);
  };
}
