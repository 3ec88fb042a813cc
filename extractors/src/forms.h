// Form knowledge as data (data/forms/*.toml): per document type its title
// and keyword cues for classification, per field its label wordings, the
// kind of its value and where the value may stand, the column wordings of
// its tables. Loaded once, validated, immutable afterwards. Internal.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "liasse/core/document.h"
#include "liasse/core/status.h"

namespace liasse::extractors::internal {

// Where a value may stand relative to its label.
enum class Relation { kRight, kBelow };

struct WeightedPhrase {
  std::string phrase;  // as written in the file
  double weight = 0;
  bool title = false;  // a title of the form (counts more in the title area)
};

struct FieldSpec {
  std::string name;                  // result contract name ("lot.numero")
  std::vector<std::string> labels;   // every wording, as written
  std::string kind;                  // "date", "nir", "digits"… (README of data/forms)
  std::vector<Relation> relations;   // empty: the field is read by a dedicated reader
  std::string section;               // empty: anywhere on the page
  // signature: the sections whose heading wordings name the signer (the
  // role words of a signature label in no data file, signature_role.h).
  std::vector<std::string> roles;
  std::string pair;                  // person: the prénom field
  std::string check;                 // birth_check: the NIR field it checks
  size_t min_digits = 0, max_digits = 0;  // digits, rpps
  double max_gap_mm = 25;            // right of the label: the widest blank inside the value
  bool dedicated = false;            // located by the data, set by the type's own reader
  // date: where no label names it, the one recent date of the page above
  // its tables that no other field holds (flagged); digits: the one number
  // of its length in the page's head (flagged).
  bool by_value = false;
  // name: titles printed before the name ("Dr"): where no label gives the
  // name, a title followed by a name on the page does.
  std::vector<std::string> titles;
  // digits: names printed next to the value wherever it stands (an
  // organisme's code beside "CPAM", "CGSS"…), where no label names it.
  std::vector<std::string> beside;
  std::vector<std::pair<std::string, std::string>> choices;  // choice: wording → value
  std::vector<std::pair<std::string, std::string>> yes_no;   // flag: wording → "true"/"false"
  // A contract named anywhere on the page: formula wording → the value
  // written, and option wording → what the value adds (renonciation).
  std::vector<std::pair<std::string, std::string>> formulas, options;
  struct CategoryCue {
    std::string phrase, category;
    double weight = 0;
  };
  std::vector<CategoryCue> categories;  // category
};

struct TableSpec {
  std::string name;
  size_t min_columns = 3;
  std::vector<std::string> stops;
  // Column name → its wordings, in file order of the columns.
  std::vector<std::pair<std::string, std::vector<std::string>>> columns;
  // Column → [min, max] length of a number column ([tables.X.digits]).
  std::map<std::string, std::pair<size_t, size_t>, std::less<>> digits;
  // Column → the shares of the row's total (percent) its amount may be
  // ([tables.X.shares]): a part found at one of them tells that column.
  std::map<std::string, std::vector<int>, std::less<>> shares;
  // Code → libellé phrases ([tables.X.codes]): the code of a line printed
  // without one, named by the first phrase its libellé begins with.
  std::vector<std::pair<std::string, std::vector<std::string>>> codes;
  const std::vector<std::string>* Column(std::string_view column) const;
};

struct FormSpec {
  DocumentType type = DocumentType::kAutre;
  std::string file;  // base name, for messages
  std::vector<WeightedPhrase> cues;  // titles (with their weight) and cues
  // Scores taken off other types when this one's reaches its title weight
  // (a feuille de soins also says "facture").
  double title_weight = 6;
  double outranks_from = 6;  // `outranks_from` in the file, default the title weight
  std::vector<std::pair<DocumentType, double>> outranks;
  // Structure as evidence ([classification.act_rows]): each page row that
  // holds one of `codes` (act codes, e.g. NGAP lettres-clés) and an amount
  // adds `weight`, for at most `max_rows` rows.
  struct ActRows {
    std::vector<std::string> codes;
    double weight = 0;
    size_t max_rows = 0;
  } act_rows;
  // [classification.nir_rows]: each page row that holds a NIR whose key
  // passes and two amounts or more (a line of a list of invoices) adds
  // `weight`, for at most `max_rows` rows.
  struct NirRows {
    double weight = 0;
    size_t max_rows = 0;
  } nir_rows;
  // [classification.amount_rows]: each page row that holds an amount (with
  // its cents, or digits before a euro sign that lost their separator) adds
  // `weight` — negative for a form that prints no prices — for at most
  // `max_rows` rows.
  struct AmountRows {
    double weight = 0;
    size_t max_rows = 0;
  } amount_rows;
  // [classification.table_header]: the header of the form's table `table`
  // found on the page (tables.<table>, at least its min_columns) adds
  // `weight` per column of its data named on that row.
  struct TableHeaderCue {
    std::string table = "lines";
    double weight = 0;
  } table_header;
  // [classification.field_labels]: each field of the form whose label, or
  // each section whose heading, is found on the page adds `weight`, divided
  // by the number of forms of the catalogue that print that wording (a
  // "Nom" every form has says little), for at most `max` points in all.
  struct FieldLabelCue {
    double weight = 0;
    double max = 0;
  } field_labels;
  // [classification.letter]: the page laid out as a letter, a row of its
  // "<commune>, le <date>" (letter_date.h), adds `weight`.
  struct LetterCue {
    double weight = 0;
  } letter;
  // [classification.formulas]: a contract formula of the form's fields
  // (fields.<f>.formulas, the operator's products) named on the page adds
  // `weight`.
  struct FormulaCue {
    double weight = 0;
  } formulas;
  std::map<std::string, std::vector<std::string>> sections;
  // [section_by_value]: kind of value ("nir", "numero_am", "birth_date")
  // → the section whose block holds it, for a heading in no wording.
  std::map<std::string, std::string> section_by_value;
  std::vector<FieldSpec> fields;
  std::map<std::string, TableSpec> tables;

  const FieldSpec* Field(std::string_view name) const;
  const TableSpec* Table(std::string_view name) const;
  // The wordings that name one thing each: every field's labels (fields
  // without labels left out), every section's headings.
  std::vector<std::vector<std::string>> LabelGroups() const;
};

class FormCatalogue {
 public:
  // Every `*.toml` of `dir` (sorted by name), validated: unknown type,
  // kind or relation, a missing key, a wrong type or a duplicated document
  // type is an error naming the file and the key (French).
  static Result<FormCatalogue> Load(const std::filesystem::path& dir);
  // One file's text (tests), `file` naming it in messages.
  static Result<FormSpec> Parse(std::string_view toml, const std::string& file);

  const std::vector<FormSpec>& forms() const { return forms_; }
  // The form of `type`, or null when no file describes it.
  const FormSpec* Of(DocumentType type) const;
  // A wording of a form's field labels or section headings, folded
  // (FoldKey), with how many forms of the catalogue print it, or a wording
  // whose key holds it or is held by it, as a label or a heading.
  struct LabelWording {
    std::string wording;
    std::string key;
    int forms = 0;
  };
  // The wordings of the form of `type`, one group per field or section
  // (FormSpec::LabelGroups); empty when no file describes it. Computed
  // once, at Load.
  const std::vector<std::vector<LabelWording>>& LabelWordings(DocumentType type) const;

 private:
  void CountWordings();

  std::vector<FormSpec> forms_;
  std::map<DocumentType, std::vector<std::vector<LabelWording>>> label_wordings_;
};

// The catalogue of `data_dir / "forms"`, loaded once per directory.
const Result<FormCatalogue>& DefaultForms(const std::filesystem::path& data_dir);

}  // namespace liasse::extractors::internal
