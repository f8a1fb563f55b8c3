// Undo/redo of server-backed actions, and a queue that runs saves one after another in order.
export class History {
  constructor(onChange) {
    this.done = [];
    this.undone = [];
    this.tail = Promise.resolve();
    this.pending = 0;
    this.onChange = onChange;
  }

  /** Run `fn` after every earlier save has finished; the result is `fn`'s. */
  run(fn) {
    this.pending++;
    this.onChange();
    const result = this.tail.then(fn);
    this.tail = result.catch(() => {}).finally(() => {
      this.pending--;
      this.onChange();
    });
    return result;
  }

  /** Record an action: {undo: async fn, redo: async fn}. */
  push(entry) {
    this.done.push(entry);
    this.undone = [];
    this.onChange();
  }

  forget(entry) {
    this.done = this.done.filter((e) => e !== entry);
    this.undone = this.undone.filter((e) => e !== entry);
    this.onChange();
  }

  undo() {
    return this.step(this.done, this.undone, "undo");
  }

  redo() {
    return this.step(this.undone, this.done, "redo");
  }

  async step(from, to, direction) {
    const entry = from.pop();
    if (!entry) return false;
    to.push(entry);
    this.onChange();
    try {
      await entry[direction]();
    } catch (exc) {
      to.pop();
      this.onChange();
      throw exc;
    }
    return true;
  }
}
