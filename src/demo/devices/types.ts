/** What every simulated device offers once started. */
export interface RunningDevice {
  /** Where it can be reached (or, for a pushing device, where it sends to). */
  readonly endpoint: string;
  /** Stop serving and release every socket and timer. */
  stop(): Promise<void>;
}
