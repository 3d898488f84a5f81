#include "dyad/cameo.h"

#include <cstdlib>

#include "dyad/tsv.h"

namespace dyad {

Result<Codebook> Codebook::Load(const std::string& path) {
  Result<TsvTable> t = TsvTable::Read(path);
  if (!t.ok()) return t.status();
  int c_code = t->Column("code"), c_name = t->Column("name"), c_gs = t->Column("goldstein"),
      c_quad = t->Column("quad_class");
  if (c_code < 0 || c_name < 0 || c_gs < 0 || c_quad < 0)
    return Status::InvalidInput(path + ": header must name code, name, goldstein, quad_class");
  Codebook book;
  for (const TsvRow& r : t->rows()) {
    CameoCode c;
    c.code = std::string(Cell(r, c_code));
    c.name = std::string(Cell(r, c_name));
    std::string gs(Cell(r, c_gs)), quad(Cell(r, c_quad));
    char* end = nullptr;
    c.goldstein = std::strtod(gs.c_str(), &end);
    if (gs.empty() || *end != '\0' || c.goldstein < -10 || c.goldstein > 10)
      return Status::InvalidInput(t->Where(r) + "goldstein '" + gs +
                                  "' is not a number in [-10, 10]");
    if (quad.size() != 1 || quad[0] < '1' || quad[0] > '4')
      return Status::InvalidInput(t->Where(r) + "quad_class '" + quad + "' is not 1-4");
    c.quad_class = quad[0] - '0';
    if (c.code.size() < 2 || c.code.size() > 4 ||
        c.code.find_first_not_of("0123456789") != std::string::npos)
      return Status::InvalidInput(t->Where(r) + "code '" + c.code + "' is not 2-4 digits");
    if (book.index_.count(c.code))
      return Status::InvalidInput(t->Where(r) + "code " + c.code + " appears twice");
    book.index_.emplace(c.code, book.codes_.size());
    book.codes_.push_back(std::move(c));
  }
  return book;
}

const CameoCode* Codebook::Find(std::string_view code) const {
  auto it = index_.find(std::string(code));
  return it == index_.end() ? nullptr : &codes_[it->second];
}

}  // namespace dyad
