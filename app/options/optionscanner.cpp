#include "options/optionscanner.h"

#include <QCoreApplication>

namespace options {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(options::OptionScanner)
};

const OptionSpec *findSpec(const QList<OptionSpec> &specs, QStringView name)
{
    for (const OptionSpec &spec : specs) {
        if (name == spec.name)
            return &spec;
    }
    return nullptr;
}

bool looksLikeOption(const QString &word)
{
    return word.size() > 1 && word.startsWith(QLatin1Char('-'));
}

} // namespace

bool ScannedArguments::has(QLatin1StringView name) const
{
    return value(name).has_value();
}

std::optional<QString> ScannedArguments::value(QLatin1StringView name) const
{
    for (auto it = options.crbegin(); it != options.crend(); ++it) {
        if (it->name == name)
            return it->value;
    }
    return std::nullopt;
}

ScannedArguments scanArguments(const QStringList &arguments, const QList<OptionSpec> &specs)
{
    ScannedArguments scanned;
    const auto fail = [&scanned](const QString &message) {
        if (!scanned.error)
            scanned.error = CommandLineError { message };
    };
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &word = arguments.at(i);
        if (word == QLatin1String("--")) {
            scanned.positionals += arguments.mid(i + 1);
            break;
        }
        if (!looksLikeOption(word)) {
            scanned.positionals.append(word);
            continue;
        }
        const qsizetype equals = word.indexOf(QLatin1Char('='));
        const QStringView name = equals < 0 ? QStringView(word) : QStringView(word).left(equals);
        const OptionSpec *spec = findSpec(specs, name);
        if (!spec) {
            scanned.unknownOptions.append(word);
            continue;
        }
        QString value;
        if (equals >= 0) {
            if (!spec->takesValue) {
                fail(Text::tr("argument %1: ignored explicit argument '%2'")
                         .arg(spec->name, word.mid(equals + 1)));
                continue;
            }
            value = word.mid(equals + 1);
        } else if (spec->takesValue) {
            if (i + 1 >= arguments.size() || arguments.at(i + 1).startsWith(QLatin1String("--"))) {
                fail(Text::tr("argument %1: expected one argument").arg(spec->name));
                continue;
            }
            value = arguments.at(++i);
        }
        if (!spec->ignored)
            scanned.options.append({ spec->name, value });
    }
    return scanned;
}

std::optional<QString> firstPositional(const QStringList &arguments, const QList<OptionSpec> &specs)
{
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &word = arguments.at(i);
        if (word == QLatin1String("--"))
            return i + 1 < arguments.size() ? std::optional<QString>(arguments.at(i + 1))
                                            : std::nullopt;
        if (!looksLikeOption(word))
            return word;
        const OptionSpec *spec = findSpec(specs, word);
        if (spec && spec->takesValue && i + 1 < arguments.size()
            && !arguments.at(i + 1).startsWith(QLatin1String("--")))
            ++i;
    }
    return std::nullopt;
}

} // namespace options
