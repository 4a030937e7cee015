// What a server value becomes after google.script.run's JSON trip: Dates turn into strings, functions and
// undefined properties vanish. Typing responses this way keeps the client honest about what arrives.

/** The type of `JSON.parse(JSON.stringify(value))` for a value of type T. */
export type Jsonified<T> = T extends Date
  ? string
  : T extends (...args: never[]) => unknown
    ? never
    : T extends readonly (infer U)[]
      ? Jsonified<U>[]
      : T extends object
        ? { [K in keyof T as T[K] extends (...args: never[]) => unknown ? never : K]: Jsonified<T[K]> }
        : T;
