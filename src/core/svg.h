// Internal: what dyad's SVG charts share (the burden trajectories, a dyad's series, the
// network, a triad): the colours and the escaping of text into the drawing.
#ifndef DYAD_SRC_CORE_SVG_H_
#define DYAD_SRC_CORE_SVG_H_

#include <string>
#include <string_view>

namespace dyad::svg {

// Eight colours that stay apart for the common kinds of colour blindness (Okabe and Ito).
inline constexpr const char* kPalette[] = {"#0072B2", "#D55E00", "#009E73", "#CC79A7",
                                           "#E69F00", "#56B4E9", "#000000", "#8C564B"};

// Text made safe for an SVG element or attribute: &, <, > and " escaped, and control
// characters other than tab and newline (which XML 1.0 has no place for) made spaces.
std::string Escape(std::string_view s);

// A coordinate or a number in a drawing, with one decimal.
std::string Num(double v);

}  // namespace dyad::svg

#endif  // DYAD_SRC_CORE_SVG_H_
