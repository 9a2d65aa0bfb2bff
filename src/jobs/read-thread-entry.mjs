// Read-thread entry: registers tsx (the thread does not inherit the main thread's loader) and
// loads the TypeScript body.
import { register } from "tsx/esm/api";

register();
await import("./read-thread.ts");
