// The page the shipped Word templates are laid out on (the letters and the attendance policy): A4 with 2 cm
// margins, Arial 11 pt, in docx's units (twentieths of a point; run sizes in half points).
export const FONT = 'Arial';
export const BODY_SIZE = 22;

/** A4 (210 x 297 mm) with 2 cm margins on every side. */
export const A4_PAGE = {
  size: { width: 11906, height: 16838 },
  margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 },
};

/** The width of the text on that page: 21 cm less two 2 cm margins. */
export const TEXT_WIDTH = A4_PAGE.size.width - A4_PAGE.margin.left - A4_PAGE.margin.right;
