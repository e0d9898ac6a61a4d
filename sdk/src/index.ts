/** The TypeScript SDK: arrives with its own issue. */
export {};
