// Marker module: the real `server-only` package only guards against client bundles.
export {};
