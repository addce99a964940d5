// The static server lives with the scripts (the benchmark uses it too).
export * from '../../scripts/lib/static-server.ts';
