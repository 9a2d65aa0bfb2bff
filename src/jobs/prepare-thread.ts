// The body of the analysis thread: keeps a Preparer and answers prepare requests, so that
// segmentation, sentiment, keywords and watch matching use the second core while the main thread
// assigns groups and events and writes the database.
import { parentPort } from "node:worker_threads";
import { Preparer } from "../analyse/pipeline";
import { deserialiseModel } from "../analyse/sentiment";
import type { ThreadRequest, ThreadResponse } from "./prepare-pool";
import { packPrepared, transferList } from "./prepared-codec";

const port = parentPort;
if (!port) throw new Error("prepare-thread: must run as a worker thread");
const preparer = new Preparer();

port.on("message", (msg: ThreadRequest) => {
  let reply: ThreadResponse;
  let transfer: ArrayBuffer[] = [];
  try {
    if (msg.type === "settings") {
      preparer.setWatches(msg.watches);
      preparer.setUserWords(msg.userWords);
      preparer.setModel(msg.model ? deserialiseModel(msg.model) : null);
      reply = { seq: msg.seq, ok: true, prepared: packPrepared([]) };
    } else {
      const prepared = packPrepared(preparer.prepareBatch(msg.items));
      reply = { seq: msg.seq, ok: true, prepared };
      transfer = transferList(prepared);
    }
  } catch (err) {
    reply = { seq: msg.seq, ok: false, error: err instanceof Error ? err.stack ?? err.message : String(err) };
  }
  port.postMessage(reply, transfer);
});
