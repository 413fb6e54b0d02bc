#pragma once

#include <cstddef>
#include <utility>
#include <vector>

namespace core {

// A sequence indexed like a vector whose elements live in blocks of BlockSize: appending never
// moves the elements already in (a vector's regrowth moves every one of them, which for 10,000
// table rows held the GUI thread for milliseconds), and each block keeps its elements contiguous,
// so a scan stays almost as fast as a vector's. Erasing moves the later elements down, as a
// vector does.
template<typename T, std::size_t BlockSize = 256> class BlockVector {
    static_assert(BlockSize > 0 && (BlockSize & (BlockSize - 1)) == 0,
        "a power of two, so that indexing shifts and masks");

public:
    std::size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }

    T &operator[](std::size_t index) { return m_blocks[index / BlockSize][index % BlockSize]; }
    const T &operator[](std::size_t index) const
    {
        return m_blocks[index / BlockSize][index % BlockSize];
    }

    void push_back(T value)
    {
        if (m_size % BlockSize == 0) {
            m_blocks.emplace_back();
            // Reserved whole, so that no block ever regrows.
            m_blocks.back().reserve(BlockSize);
        }
        m_blocks.back().push_back(std::move(value));
        ++m_size;
    }

    // Erases the elements [first, last).
    void erase(std::size_t first, std::size_t last)
    {
        if (first >= last)
            return;
        const std::size_t count = last - first;
        for (std::size_t to = first; to + count < m_size; ++to)
            (*this)[to] = std::move((*this)[to + count]);
        for (std::size_t i = 0; i < count; ++i) {
            m_blocks.back().pop_back();
            if (m_blocks.back().empty())
                m_blocks.pop_back();
        }
        m_size -= count;
    }

    void clear()
    {
        m_blocks.clear();
        m_size = 0;
    }

private:
    // Each holds BlockSize elements but the last, which holds the rest (at least one).
    std::vector<std::vector<T>> m_blocks;
    std::size_t m_size = 0;
};

} // namespace core
