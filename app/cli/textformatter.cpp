#include "cli/textformatter.h"

#include <algorithm>
#include <optional>

namespace cli {

namespace {

class TextWriter {
public:
    void format(const OutputValue &item, const std::optional<QString> &identifier,
        const std::optional<QStringList> &scalarKeys)
    {
        if (item.kind == OutputValue::Kind::Object)
            formatObject(item, identifier, scalarKeys);
        else if (item.kind == OutputValue::Kind::List)
            formatList(item, identifier);
        else
            m_out += item.pythonStr() + QLatin1Char('\n');
    }

    QByteArray take() { return m_out.toUtf8(); }

private:
    void formatList(const OutputValue &list, const std::optional<QString> &identifier)
    {
        const QList<OutputValue> &items = list.items;
        if (items.isEmpty())
            return;
        const auto isKind = [](OutputValue::Kind kind) {
            return [kind](const OutputValue &element) { return element.kind == kind; };
        };
        if (std::any_of(items.begin(), items.end(), isKind(OutputValue::Kind::Object))) {
            const QStringList keys = allScalarKeys(items);
            for (const OutputValue &element : items)
                format(element, identifier, keys);
        } else if (std::any_of(items.begin(), items.end(), isKind(OutputValue::Kind::List))) {
            QList<OutputValue> scalars;
            QList<OutputValue> containers;
            for (const OutputValue &element : items)
                (element.isContainer() ? containers : scalars).append(element);
            if (!scalars.isEmpty())
                formatScalarList(scalars, identifier);
            for (const OutputValue &element : std::as_const(containers))
                format(element, identifier, std::nullopt);
        } else {
            formatScalarList(items, identifier);
        }
    }

    void formatScalarList(
        const QList<OutputValue> &elements, const std::optional<QString> &identifier)
    {
        if (identifier) {
            for (const OutputValue &element : elements)
                m_out += identifier->toUpper() + QLatin1Char('\t') + element.pythonStr()
                    + QLatin1Char('\n');
            return;
        }
        QStringList texts;
        for (const OutputValue &element : elements)
            texts.append(element.pythonStr());
        m_out += texts.join(QLatin1Char('\t')) + QLatin1Char('\n');
    }

    void formatObject(const OutputValue &object, const std::optional<QString> &identifier,
        const std::optional<QStringList> &scalarKeys)
    {
        QStringList scalars;
        QList<std::pair<QString, const OutputValue *>> containers;
        if (!scalarKeys) {
            QList<std::pair<QString, const OutputValue *>> sorted;
            for (const auto &[key, value] : object.members)
                sorted.append({ key, &value });
            std::stable_sort(sorted.begin(), sorted.end(),
                [](const auto &a, const auto &b) { return a.first < b.first; });
            for (const auto &[key, value] : std::as_const(sorted)) {
                if (value->isContainer())
                    containers.append({ key, value });
                else
                    scalars.append(value->pythonStr());
            }
        } else {
            // Every element of a list prints the same columns: '' where it lacks one.
            for (const QString &key : *scalarKeys) {
                const OutputValue *value = object.member(key);
                scalars.append(value ? value->pythonStr() : QString());
            }
            QStringList remaining;
            for (const auto &[key, value] : object.members) {
                if (!scalarKeys->contains(key) && !remaining.contains(key))
                    remaining.append(key);
            }
            std::sort(remaining.begin(), remaining.end());
            for (const QString &key : std::as_const(remaining))
                containers.append({ key, object.member(key) });
        }
        if (!scalars.isEmpty()) {
            if (identifier)
                scalars.prepend(identifier->toUpper());
            m_out += scalars.join(QLatin1Char('\t')) + QLatin1Char('\n');
        }
        for (const auto &[key, value] : std::as_const(containers))
            format(*value, key, std::nullopt);
    }

    static QStringList allScalarKeys(const QList<OutputValue> &items)
    {
        QStringList keys;
        for (const OutputValue &item : items) {
            for (const auto &[key, value] : item.members) {
                if (!value.isContainer() && !keys.contains(key))
                    keys.append(key);
            }
        }
        std::sort(keys.begin(), keys.end());
        return keys;
    }

    QString m_out;
};

} // namespace

QByteArray formatText(const OutputValue &response)
{
    TextWriter writer;
    writer.format(withVisibleText(response), std::nullopt, std::nullopt);
    return writer.take();
}

} // namespace cli
