export * from './billing';
export * from './entitlements';
export * from './enums';
export * from './errors';
export * from './health';
export * from './presets';
export * from './primitives';
export * from './inventory';
