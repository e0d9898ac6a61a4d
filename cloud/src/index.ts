/** The cloud service (accounts, browsing, diff requests): arrives with its own issue. */
export {};
