/** A catalogue with the same keys as another one, every leaf a string (en.ts against fr.ts). */
export type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };
