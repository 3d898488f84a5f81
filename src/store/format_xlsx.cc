// XLSX: dyad's event table written with libxlsxwriter, and the first worksheet of any workbook
// read with minizip (the zip) and expat (the XML parts).
#include <minizip/unzip.h>
#include <xlsxwriter.h>

#include <cstdlib>
#include <cstring>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/xml.h"
#include "core/zip.h"
#include "dyad/utf8.h"
#include "store/event_table.h"
#include "store/xlsx.h"

namespace dyad::io {

namespace {

// ---- reading ----

// A part of the workbook, bounded (core/zip.h); an optional part that is missing is empty.
Result<std::string> ZipEntry(const zip::Archive& zip, const std::string& path,
                             const std::string& name, bool required) {
  Result<std::string> part = zip::ReadPart(zip, path, name);
  if (!part.ok() && part.status().code() == Status::Code::kNotFound) {
    if (!required) return std::string();
    return Status::InvalidInput(path + ": not a workbook (no " + name + ")");
  }
  return part;
}

using xml::Attr;

// Excel's last column, XFD: a cell reference past it is not a worksheet's.
constexpr int kMaxColumns = 16384;

// "BC12" → 54 (zero-based column of the reference); -1 past XFD or with no column letters.
int ColumnOf(const char* ref) {
  int col = 0;
  for (const char* c = ref; *c >= 'A' && *c <= 'Z'; ++c) {
    col = col * 26 + (*c - 'A' + 1);
    if (col > kMaxColumns) return -1;  // stops before the arithmetic can overflow
  }
  return col - 1;
}

// OOXML writes a character XML cannot hold as _xHHHH_ (and a literal "_xHHHH_" as _x005F_xHHHH_):
// the text as it was written.
std::string DecodeEscapes(std::string s) {
  if (s.find("_x") == std::string::npos) return s;
  std::string out;
  out.reserve(s.size());
  auto hex = [](char c) {
    return c >= '0' && c <= '9'   ? c - '0'
           : c >= 'a' && c <= 'f' ? c - 'a' + 10
           : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                  : -1;
  };
  for (size_t i = 0; i < s.size();) {
    if (s.compare(i, 2, "_x") == 0 && i + 7 <= s.size() && s[i + 6] == '_') {
      int v = 0;
      bool ok = true;
      for (size_t k = i + 2; k < i + 6; ++k) {
        int h = hex(s[k]);
        ok = ok && h >= 0;
        v = v * 16 + std::max(h, 0);
      }
      if (ok) {
        utf8::Append(&out, static_cast<char32_t>(v));
        i += 7;
        continue;
      }
    }
    out += s[i++];
  }
  return out;
}

}  // namespace

Result<std::vector<SheetRow>> ReadFirstSheet(const std::string& path) {
  zip::Archive zip(path);
  if (zip.get() == nullptr) return Status::InvalidInput(path + ": not a workbook (not a zip file)");

  // The first sheet's part: workbook.xml names it, its relationships locate it.
  Result<std::string> workbook = ZipEntry(zip, path, "xl/workbook.xml", true);
  if (!workbook.ok()) return workbook.status();
  std::string rid;
  xml::Handlers wb;
  wb.start = [&](std::string_view name, const char** attrs) {
    if (name == "sheet" && rid.empty())
      if (const char* id = Attr(attrs, "id")) rid = id;
  };
  if (Status s = xml::Parse(*workbook, path + ":xl/workbook.xml", &wb); !s.ok()) return s;
  std::string sheet = "xl/worksheets/sheet1.xml";
  Result<std::string> rels = ZipEntry(zip, path, "xl/_rels/workbook.xml.rels", false);
  if (!rels.ok()) return rels.status();
  if (!rels->empty() && !rid.empty()) {
    xml::Handlers rh;
    rh.start = [&](std::string_view name, const char** attrs) {
      const char* id = Attr(attrs, "Id");
      const char* target = Attr(attrs, "Target");
      if (name == "Relationship" && id != nullptr && target != nullptr && rid == id)
        sheet = target[0] == '/' ? std::string(target + 1) : "xl/" + std::string(target);
    };
    if (Status s = xml::Parse(*rels, path + ":xl/_rels/workbook.xml.rels", &rh); !s.ok()) return s;
  }

  std::vector<std::string> shared;
  Result<std::string> sst = ZipEntry(zip, path, "xl/sharedStrings.xml", false);
  if (!sst.ok()) return sst.status();
  if (!sst->empty()) {
    bool in_t = false, in_rph = false;
    xml::Handlers sh;
    sh.start = [&](std::string_view name, const char**) {
      if (name == "si") shared.emplace_back();
      if (name == "rPh") in_rph = true;  // phonetic runs are not the text
      if (name == "t" && !in_rph) in_t = true;
    };
    sh.end = [&](std::string_view name) {
      if (name == "t") in_t = false;
      if (name == "rPh") in_rph = false;
    };
    sh.text = [&](std::string_view s) {
      if (in_t && !shared.empty()) shared.back().append(s);
    };
    if (Status s = xml::Parse(*sst, path + ":xl/sharedStrings.xml", &sh); !s.ok()) return s;
  }

  Result<std::string> part = ZipEntry(zip, path, sheet, true);
  if (!part.ok()) return part.status();
  std::vector<SheetRow> rows;
  std::string type, value;
  int col = -1, row_number = 0, width = -1;
  bool in_v = false, in_t = false;
  Status cell_error;
  xml::Handlers h;
  h.start = [&](std::string_view name, const char** attrs) {
    if (name == "row") {
      // The first row with cells is the header: its width bounds every later row.
      if (width < 0 && !rows.empty() && !rows.back().cells.empty())
        width = static_cast<int>(rows.back().cells.size());
      const char* r = Attr(attrs, "r");
      row_number = r != nullptr ? std::atoi(r) : row_number + 1;
      rows.push_back({row_number, {}});
    } else if (name == "c") {
      const char* r = Attr(attrs, "r");
      const char* t = Attr(attrs, "t");
      col = r != nullptr ? ColumnOf(r)
                         : (rows.empty() ? 0 : static_cast<int>(rows.back().cells.size()));
      if (col < 0 || col >= kMaxColumns)
        cell_error = Status::InvalidInput(path + ": row " + std::to_string(row_number) + ": cell " +
                                          (r != nullptr ? r : "?") +
                                          " is past the last column a worksheet has (XFD)");
      type = t != nullptr ? t : "n";
      value.clear();
    } else if (name == "v") {
      in_v = true;
    } else if (name == "t") {
      in_t = true;
    }
  };
  h.text = [&](std::string_view s) {
    if (in_v || in_t) value.append(s);
  };
  h.end = [&](std::string_view name) {
    if (name == "v") in_v = false;
    if (name == "t") in_t = false;
    if (name != "c" || rows.empty() || col < 0 || col >= kMaxColumns || !cell_error.ok()) return;
    std::string text = value;
    if (type == "s") {
      size_t i = static_cast<size_t>(std::atol(value.c_str()));
      if (i >= shared.size()) {
        cell_error = Status::InvalidInput(path + ": row " + std::to_string(row_number) +
                                          " refers to a missing shared string");
        return;
      }
      text = shared[i];
    }
    std::vector<std::string>& cells = rows.back().cells;
    // Past the header's last column a cell belongs to no column: skipped, so a sheet of many
    // rows each with a cell at XFD cannot make every row 16,384 cells wide.
    if (width >= 0 && col >= width) return;
    if (static_cast<int>(cells.size()) <= col) cells.resize(col + 1);
    cells[col] = type == "s" || type == "inlineStr" || type == "str"
                     ? DecodeEscapes(std::move(text))
                     : std::move(text);
  };
  if (Status s = xml::Parse(*part, path + ":" + sheet, &h); !s.ok()) return s;
  if (!cell_error.ok()) return cell_error;
  std::vector<SheetRow> nonempty;
  for (SheetRow& r : rows)
    if (!r.cells.empty()) nonempty.push_back(std::move(r));
  return nonempty;
}

namespace {

// ---- writing ----

// Excel's limit of characters in a cell.
constexpr size_t kMaxCellChars = 32767;
constexpr char kCut[] = "… [cut: Excel holds 32,767 characters a cell]";

// A text cell as the workbook must hold it: a NUL (which would end the C string) and a literal
// "_xHHHH_" (which a reader would decode) written as OOXML escapes; past Excel's limit, cut at
// a character and marked. `cut` is set when it was.
std::string CellText(const std::string& v, bool* cut) {
  std::string out;
  out.reserve(v.size());
  size_t chars = 0, limit = kMaxCellChars - 48;  // room for the mark
  for (size_t i = 0; i < v.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(v[i]);
    if ((c & 0xC0) != 0x80 && ++chars > limit && !*cut) {
      // Cut only when the whole would not fit.
      size_t total = chars - 1;
      for (size_t k = i; k < v.size(); ++k)
        total += (static_cast<unsigned char>(v[k]) & 0xC0) != 0x80;
      if (total > kMaxCellChars) {
        *cut = true;
        out += kCut;
        return out;
      }
    }
    if (c == 0) {
      out += "_x0000_";
    } else if (c == '_' && i + 6 < v.size() && v[i + 1] == 'x' && v[i + 6] == '_' &&
               std::all_of(v.begin() + static_cast<long>(i) + 2,
                           v.begin() + static_cast<long>(i) + 6,
                           [](char h) { return std::isxdigit(static_cast<unsigned char>(h)); })) {
      out += "_x005F_";
    } else {
      out += v[i];
    }
  }
  return out;
}

class XlsxWriter : public EventWriter {
 public:
  XlsxWriter(std::string path, lxw_workbook* wb) : path_(std::move(path)), wb_(wb) {
    ws_ = workbook_add_worksheet(wb_, "events");
    bold_ = workbook_add_format(wb_);
    format_set_bold(bold_);
    date_ = workbook_add_format(wb_);
    format_set_num_format(date_, "yyyy-mm-dd");
    const auto& names = TableColumns();
    for (size_t c = 0; c < names.size(); ++c)
      worksheet_write_string(ws_, 0, static_cast<lxw_col_t>(c), std::string(names[c]).c_str(),
                             bold_);
    worksheet_freeze_panes(ws_, 1, 0);
  }
  ~XlsxWriter() override {
    if (wb_ != nullptr) workbook_close(wb_);
  }

  Status Write(const Event& e) override {
    if (row_ >= kXlsxMaxEvents)
      return Status::InvalidInput(path_ + ": more events than a sheet holds");
    ++row_;
    std::vector<std::string> cells = TableRow(e);
    const auto& names = TableColumns();
    for (size_t c = 0; c < cells.size(); ++c) {
      // Typed cells: dates as dates, counts and scores as numbers, and everything else text
      // (a CAMEO code "030" stays "030").
      const auto col = static_cast<lxw_col_t>(c);
      const std::string& v = cells[c];
      ColumnType type = v.empty() ? ColumnType::kString : TypeOf(names[c]);
      std::optional<Date> day = type == ColumnType::kDate ? Date::Parse(v) : std::nullopt;
      lxw_error err;
      if (day) {
        lxw_datetime dt = {day->year, day->month, day->day, 0, 0, 0};
        err = worksheet_write_datetime(ws_, row_, col, &dt, date_);
      } else if (type == ColumnType::kInteger || type == ColumnType::kNumber) {
        err = worksheet_write_number(ws_, row_, col, std::strtod(v.c_str(), nullptr), nullptr);
      } else {
        bool cut = false;
        err = worksheet_write_string(ws_, row_, col, CellText(v, &cut).c_str(), nullptr);
        if (cut) cut_.push_back("row " + std::to_string(row_ + 1) + " " + std::string(names[c]));
      }
      if (err != LXW_NO_ERROR && err != LXW_ERROR_NULL_PARAMETER_IGNORED)
        return Status::InvalidInput(path_ + ": row " + std::to_string(row_ + 1) + ": " +
                                    lxw_strerror(err));
    }
    return Status::Ok();
  }

  std::string Notes() const override {
    if (cut_.empty()) return "";
    std::string list;
    for (size_t i = 0; i < cut_.size() && i < 5; ++i) list += (i ? ", " : "") + cut_[i];
    return std::to_string(cut_.size()) +
           " cells longer than Excel's 32,767 characters were cut and marked (" + list +
           (cut_.size() > 5 ? ", …" : "") + "); JSON Lines and CSV keep them whole";
  }

  Status Finish() override {
    if (wb_ == nullptr) return Status::Ok();
    worksheet_autofilter(ws_, 0, 0, row_, static_cast<lxw_col_t>(TableColumns().size() - 1));
    lxw_error err = workbook_close(wb_);
    wb_ = nullptr;
    if (err != LXW_NO_ERROR) return Status::IoError(path_ + ": " + lxw_strerror(err));
    return Status::Ok();
  }

 private:
  std::string path_;
  lxw_workbook* wb_;
  lxw_worksheet* ws_ = nullptr;
  lxw_format* bold_ = nullptr;
  lxw_format* date_ = nullptr;
  lxw_row_t row_ = 0;
  std::vector<std::string> cut_;  // the cells cut to Excel's limit
};

}  // namespace

Result<std::unique_ptr<EventWriter>> NewXlsxWriter(const std::string& path) {
  lxw_workbook* wb = workbook_new(path.c_str());
  if (wb == nullptr) return Status::IoError(path + ": cannot create the workbook");
  return std::unique_ptr<EventWriter>(std::make_unique<XlsxWriter>(path, wb));
}

}  // namespace dyad::io
