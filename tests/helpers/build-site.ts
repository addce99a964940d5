// Building lives with the scripts (the benchmark uses it too).
export * from '../../scripts/lib/build-site.ts';
