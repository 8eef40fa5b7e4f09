import { describe, expect, it } from 'vitest';
import {
  assertJavaRuntime,
  JavaRuntimeError,
  parseJavaMajorVersion,
} from '#infra/local/dynamodb/java-runtime.ts';

describe('parseJavaMajorVersion', () => {
  it.each([
    ['openjdk version "17.0.15" 2025-04-15\nOpenJDK Runtime Environment', 17],
    ['openjdk version "21" 2023-09-19', 21],
    ['java version "1.8.0_391"\nJava(TM) SE Runtime Environment', 8],
    ['openjdk version "11.0.2" 2019-01-15', 11],
    ['openjdk version "23-ea" 2024-09-17', 23],
    ['no version here', undefined],
  ])('%j → %s', (output, major) => {
    expect(parseJavaMajorVersion(output)).toBe(major);
  });
});

describe('assertJavaRuntime', () => {
  it('says what to install when java is not on PATH', async () => {
    const check = assertJavaRuntime({ ...process.env, PATH: '/nonexistent' });
    await expect(check).rejects.toBeInstanceOf(JavaRuntimeError);
    await expect(check).rejects.toThrow(/no `java` was found on PATH.*Java 17\+.*openjdk-17-jre-headless/);
  });
});
