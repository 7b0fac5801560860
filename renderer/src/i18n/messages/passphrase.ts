import type { MessageFile } from '../types';

/**
 * Passphrase strength feedback (zxcvbn-ts gives keys, translated here: its own texts are English
 * only) and the "new recovery code" action in Settings.
 */
export default {
  'zh-CN': {
    passphrase: {
      checking: '正在评估口令强度……',
      field: {
        show: '显示输入的内容',
        hide: '隐藏输入的内容',
      },
      warnings: {
        straightRow: '键盘上连成一排的按键很容易被猜到。',
        keyPattern: '短小的键盘图案很容易被猜到。',
        simpleRepeat: '重复的字符（如“aaa”）很容易被猜到。',
        extendedRepeat: '重复的字符组合（如“abcabcabc”）很容易被猜到。',
        sequences: '常见的字符序列（如“abc”）很容易被猜到。',
        recentYears: '最近的年份很容易被猜到。',
        dates: '日期很容易被猜到。',
        topTen: '这是最常用的口令之一。',
        topHundred: '这是非常常用的口令。',
        common: '这是常用的口令。',
        similarToCommon: '这和常用的口令很相似。',
        wordByItself: '单个单词很容易被猜到。',
        namesByThemselves: '单独的人名或姓氏很容易被猜到。',
        commonNames: '常见的人名和姓氏很容易被猜到。',
        userInputs: '口令里不应包含个人信息或与本应用相关的内容。',
        pwned: '这个口令已在网上的数据泄露中出现过。',
      },
      suggestions: {
        l33t: "不要用可预测的字母替换，比如用“{'@'}”代替“a”。",
        reverseWords: '不要把常见单词倒过来拼写。',
        allUppercase: '只把部分字母大写，而不是全部大写。',
        capitalization: '不只首字母大写，也把其他字母大写。',
        dates: '不要使用和你有关的日期和年份。',
        recentYears: '不要使用最近的年份。',
        associatedYears: '不要使用和你有关的年份。',
        sequences: '不要使用常见的字符序列。',
        repeated: '不要重复单词或字符。',
        longerKeyboardPattern: '使用更长的键盘图案，并多次改变输入方向。',
        anotherWord: '再加几个不常见的词。',
        useWords: '使用多个单词，但不要用常见的短语。',
        noNeed: '不一定需要符号、数字或大写字母，几个不相关的词组成的长口令就很强。',
        pwned: '如果你在其他地方也用这个口令，请尽快更换。',
      },
    },
    firstRun: {
      offer: {
        secretLead: '恢复较早的版本需要打开它的口令或恢复码。',
      },
    },
    settings: {
      recovery: {
        title: '恢复码',
        lead: '忘记口令或钥匙串失效时，恢复码可以打开保险库。生成新的恢复码后，旧的恢复码立即失效。',
        current: '当前口令',
        keychainLead: '保险库由系统钥匙串保护：生成前会再向钥匙串确认一次。',
        submit: '生成新的恢复码',
        shownOnce: '新的恢复码只显示这一次。请抄写或打印下来，放在安全的地方；旧的恢复码已经不能再用。',
        copy: '复制恢复码',
        copied: '已复制。',
        saved: '我已妥善保存',
        changedWithCode: '口令已更改。这个保险库建于较早的版本，原来的恢复码无法保留，下面是新的恢复码：',
      },
    },
  },
  en: {
    passphrase: {
      checking: 'Checking the passphrase strength…',
      field: {
        show: 'Show what is typed',
        hide: 'Hide what is typed',
      },
      warnings: {
        straightRow: 'Straight rows of keys on your keyboard are easy to guess.',
        keyPattern: 'Short keyboard patterns are easy to guess.',
        simpleRepeat: 'Repeated characters like "aaa" are easy to guess.',
        extendedRepeat: 'Repeated character patterns like "abcabcabc" are easy to guess.',
        sequences: 'Common character sequences like "abc" are easy to guess.',
        recentYears: 'Recent years are easy to guess.',
        dates: 'Dates are easy to guess.',
        topTen: 'This is one of the most used passwords.',
        topHundred: 'This is a very often used password.',
        common: 'This is a commonly used password.',
        similarToCommon: 'This is similar to a commonly used password.',
        wordByItself: 'Single words are easy to guess.',
        namesByThemselves: 'Single names or surnames are easy to guess.',
        commonNames: 'Common names and surnames are easy to guess.',
        userInputs: 'There should not be any personal or app-related data.',
        pwned: 'This passphrase appeared in a data breach on the internet.',
      },
      suggestions: {
        l33t: 'Avoid predictable letter substitutions like "{\'@\'}" for "a".',
        reverseWords: 'Avoid reversed spellings of common words.',
        allUppercase: 'Capitalize some, but not all letters.',
        capitalization: 'Capitalize more than the first letter.',
        dates: 'Avoid dates and years that are associated with you.',
        recentYears: 'Avoid recent years.',
        associatedYears: 'Avoid years that are associated with you.',
        sequences: 'Avoid common character sequences.',
        repeated: 'Avoid repeated words and characters.',
        longerKeyboardPattern: 'Use longer keyboard patterns and change typing direction several times.',
        anotherWord: 'Add more words that are less common.',
        useWords: 'Use multiple words, but avoid common phrases.',
        noNeed: 'You do not need symbols, numbers or capitals: a long phrase of unrelated words is strong.',
        pwned: 'If you use this passphrase elsewhere, change it there.',
      },
    },
    firstRun: {
      offer: {
        secretLead: 'Restoring an earlier save needs the passphrase or recovery code that opens it.',
      },
    },
    settings: {
      recovery: {
        title: 'Recovery code',
        lead: 'The recovery code opens the vault if you forget the passphrase or the keychain fails. A new code makes the old one stop working at once.',
        current: 'Current passphrase',
        keychainLead:
          'The vault is protected by the system keychain: it is asked once more before the new code is made.',
        submit: 'Make a new recovery code',
        shownOnce:
          'The new recovery code is shown only this once. Write it down or print it and keep it somewhere safe; the old code no longer works.',
        copy: 'Copy the code',
        copied: 'Copied.',
        saved: 'I have kept it safe',
        changedWithCode:
          'The passphrase was changed. This vault was made by an earlier version, so its recovery code could not be kept; here is the new one:',
      },
    },
  },
} satisfies MessageFile;
