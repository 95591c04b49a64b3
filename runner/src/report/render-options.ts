export interface ReportOptions {
  /** The report's creation date: printed on the cover and stored as the PDF's CreationDate and ModDate. */
  createdAt: Date;
  /** The report's version for this scan (regenerating makes version 2); printed on the cover when given. */
  version?: number;
}
