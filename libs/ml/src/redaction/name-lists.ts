// Name lexicons, built once at module import. Faker's nl locale gives modern Dutch first names and common Dutch
// surnames; the lists below add names of older Dutch generations and of Dutch residents with roots elsewhere, so the
// anonymiser does not protect "Jan de Vries" better than "Fatima El Amrani".
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { nl } = require('@faker-js/faker') as {
  nl: { person: { first_name: Record<string, string[]>; last_name: Record<string, string[]> } };
};

const words = (s: string): string[] => s.split(/\s+/).filter((w) => w.length > 0);
const entries = (s: string): string[] =>
  s
    .split(/[\n,]/)
    .map((w) => w.trim())
    .filter((w) => w.length > 0);

const DUTCH_OLDER_FIRST = words(`
  Henk Gerrit Piet Kees Wim Joop Jaap Klaas Hans Harry Ton Theo Frans Ger Gert Geert Hennie Herman Rob Ruud Peter
  Paul Marco Erik Eric Dennis Patrick Richard Ronald Rene René Arjan Arjen Bert Cor Dick Dirk Evert Fred Gijs Hendrik
  Jos Joost Karel Leo Louis Marcel Martin Michel Nico Rinus Roel Teun Wouter Willem Wiebe Sietse Jelle Douwe Tjeerd
  Hein Jeroen Bart Edwin Erwin Ferry Gerard Gerben Harm Jacques Johan Jurgen John Lex Luc Maarten Marc Martijn
  Matthijs Maurice Pim Remco Rick Robin Roy Sander Sjoerd Stefan Ton Vincent Wilco Wout Jacob Jacobus Johannes Cornelis
  Adrianus Antonius Petrus Gerardus Hendrikus Wilhelmus Bram Bennie Benno Boudewijn Chris Co Daan Eddy Egbert Frank
  Frits Gerjan Guus Hub Huub Jeffrey Jelmer Jochem Jorg Jurjen Koos Lambert Leendert Mart Menno Nanne Olaf Otto
  Pieter Reinier Rik Rutger Rudy Ruben Sem Siebe Sjef Stijn Tijmen Toon Twan Ad Aad Anton Arie Barend Dolf Gijsbert
  Hessel Hidde Jouke Marten Sybren Thijs Thom Tim Tom Job Joris Mathijs Wessel Jan Ben Mees Bas Mark Wil
  Gerda Riet Ria Truus Ans Annie Anneke Joke Ineke Marja Marjan Marian Marianne Mieke Nel Corrie Tineke Wilma Willy
  Els Elly Carla Karin Monique Sandra Petra Ingrid Yvonne Jolanda Yolanda Linda Marloes Mirjam Marieke Anja Astrid
  Bianca Brenda Chantal Daniëlle Danielle Esther Gea Greetje Hilde Hanneke Henny Ilona Inge Janneke Jacqueline Jenny
  Judith Kitty Lenie Lia Liesbeth Manon Margreet Marga Marjolein Miranda Nathalie Patricia Paula Rian Rina Rianne
  Saskia Sonja Simone Suzanne Tamara Trudy Wendy Willemien Dini Dineke Hetty Jannie Geertje Trijntje Diny Heleen
  Mariska Marleen Mirella Nicole Priscilla Sharon Shirley Tanja Ellen Ester Gonnie Hermien Joyce Miep Riek Rika
  Toos Betty Bep Cobi Coby Corry Dora Joke Jantje Aleida Alida Anke Annelies Annemarie Anne-Marie Baukje Berdien Carolien
  Caroline Cathy Claudia Conny Desiree Dianne Edith Elise Elisabeth Emmy Erna Evelien Fenna Francien Froukje Gerdien
  Gertrude Grietje Hanna Hannie Harriet Helma Hester Ida Inez Irene Janny Jeanette Jet Jose José Josien Karen Klazina
  Lidy Lies Lotte Maaike Marijke Marion Marit Martine Mathilde Mirte Moniek Nanda Nienke Olga Pauline Renate Rosa
  Sabine Sanne Sietske Sylvia Tessa Thea Tiny Trees Ymke Yvette Wietske Wilhelmina Willeke Roos Merel Fleur Iris
`);

const MOROCCAN_FIRST = words(`
  Mohamed Mohammed Mohammad Mohamad Ahmed Ahmad Mustafa Mostafa Mustapha Abdelkader Abdellah Abdelaziz Abdelhak
  Abderrahim Abderrahman Abdeslam Abdelkarim Abdelilah Abdel Rachid Rashid Karim Khalid Khaled Hassan Hasan Hussein
  Hocine Hamid Said Saïd Youssef Yousef Younes Yassin Yassine Ilias Ilyas Bilal Hamza Omar Othman Driss Idriss Mimoun
  Mohand Brahim Ibrahim Ismail Ismaïl Ayoub Anouar Nordin Noureddine Nourdin Redouan Redouane Soufiane Sofian Tarik
  Tariq Zakaria Mounir Nabil Jamal Fouad Lahcen Lotfi Mehdi Samir Najib Aziz Abdou Badr Adil Hicham Hakim Salah
  Mourad Khalil Amine Amin Reda Yahya Chakib Ali Marouane Marwan Ayman Oussama Walid Abdelmajid Abdelhamid Azzedine
  Faouzi Jaouad Jawad Khalid Mimoun Mouad Nassim Otman Rida Saad Sami Sofyan Soufyan Taoufik Yasser Zouhair
  Fatima Fatma Fatiha Khadija Aicha Aïcha Aisha Naima Naïma Malika Samira Nadia Latifa Zahra Zohra Rachida Hafsa
  Hanane Hanan Houda Hind Ikram Ilham Imane Iman Karima Laila Leila Loubna Meryem Maryam Mariam Nora Nawal Najat Nezha
  Rabia Safae Salma Sanae Siham Souad Soumaya Wafae Yasmina Yasmine Zineb Hajar Hayat Habiba Amal Asmae Btissam
  Chaimae Dounia Fadoua Ghizlane Hasna Jamila Kawtar Meriem Mouna Naoual Nisrine Rajae Rkia Saida Saïda Touria Warda
  Yamina Zoubida Fadma Mimount Rahma Hakima Soraya Sabrina Sihame Sakina Zainab Zaynab Nadira Oumaima Ouafae Samia
`);

const MOROCCAN_LAST = entries(`
  El Amrani, Amrani, Bakkali, El Bakkali, El Idrissi, Idrissi, El Khatib, Khatib, Ouali, Boukhari, El Boukhari,
  Boulahrouz, Aboutaleb, Ait Taleb, Taleb, Azzouzi, El Azzouzi, Benali, Ben Ali, Benaissa, Bouzid, Chaouch, Choukri,
  Daoudi, Haddouchi, Hamdaoui, El Hamdaoui, Kaddouri, Lamrani, Mansouri, El Mansouri, Ouahabi, Riffi, Tahiri, Yousfi,
  Zaoui, Ziani, Moussaoui, El Moussaoui, Bouali, Achahbar, Amzil, Benhaddou, El Khattabi, Khattabi, Aarab, Abbou,
  Akrouh, Allouch, Amajjar, Amezian, Belhaj, Benyahia, Bouhalla, Boutaher, Chahboun, Dahmani, Echchaibi, Hammouti,
  El Hammouti, Jaadi, Karroum, Mahdaoui, Marzouki, Mokhtari, Naciri, Ouazzani, Rahmouni, Saidi, Salhi, Tahri, Touzani,
  Yahyaoui, Zouhri, Haddou, Amghar, Azarkan, El Ouali, Ouled, Bouzambou, El Haddaoui, Haddaoui, Bouchtaoui, El Yousfi,
  El Kaddouri, Ait Ali, Ait Hammou, Hammou, Azaaj, Bouhlal, Fadil, El Fadili, Fadili, Ghalbzouri, El Ghalbzouri, Kasmi,
  El Kasmi, Maghnouj, Mourabit, El Mourabit, Ouchan, Ourahou, Rachidi, Serroukh, Tounsi, Zarrouki, Zerrouk
`);

const TURKISH_FIRST = words(`
  Mehmet Ahmet Hüseyin Murat Kemal Hakan Emre Burak Can Cem Deniz Erkan Ercan Erdal Ferhat Gökhan Halil İsmail Kadir
  Kenan Levent Orhan Osman Ömer Özgür Recep Selim Serkan Sinan Tolga Tuncay Uğur Volkan Yusuf Yasin Yunus Zeki Cengiz
  Erol Fatih Metin Nihat Onur Ramazan Bülent Kaan Arda Berkay Eren Furkan Mert Umut Erdem Hayri Hikmet İlker Necati
  Oğuz Okan Salih Süleyman Şükrü Tarkan Tayfun Turgay Yavuz Yılmaz Zafer Adem Bayram Cihan Engin Ersin Hamit Harun
  Ayşe Fatma Emine Hatice Zeynep Elif Meryem Özlem Sevda Songül Gülsen Gülşen Gül Gülay Hülya Leyla Nurcan Nuray
  Sevgi Sibel Şerife Tülay Yasemin Dilek Ebru Esra Filiz Hacer Havva Hanife Kübra Melek Merve Nazlı Necla Nesrin Pınar
  Seda Selma Serpil Şükran Tuba Türkan Yeliz Zehra Büşra Derya Didem Aysel Ayten Aynur Birsen Canan Esma Feride Gönül
  Nermin Nilgün Sema Saniye Cansu Şeyma Rabia Aslı Arzu Bahar Berna Betül Dilara Emel Gamze Gizem Hande Nurten Sevim
`);

const TURKISH_LAST = words(`
  Yılmaz Kaya Demir Şahin Çelik Yıldız Yıldırım Öztürk Aydın Özdemir Arslan Doğan Kılıç Aslan Çetin Kara Koç Kurt
  Özkan Şimşek Polat Özcan Korkmaz Çakır Erdoğan Yavuz Can Acar Aktaş Güler Yalçın Güneş Bozkurt Bulut Keskin Ünal
  Turan Gül Özer Işık Kaplan Avcı Sarı Tekin Köse Yüksel Ateş Aksoy Karakaya Uysal Tunç Duman Akın Bayram Ekinci
  Altun Coşkun Erdem Bilgin Bozdağ Akgül Tosun Karaca Kocabaş Sönmez Topal Uçar Yiğit Ceylan Gündoğdu Kahraman
  Karataş Kılınç Özgür Sezer Tan Toprak Türk Ünlü Yaman Yazıcı Yurt Zengin Akbulut Akyol Baysal Cömert Demirci
`);

const SURINAMESE_FIRST = words(`
  Anil Sunil Ravi Rajesh Ramesh Suresh Dinesh Krishna Radj Radjesh Ashwin Navin Vijay Sandeep Mahesh Ganesh Rakesh
  Ravindra Rishi Kiran Soeniel Soenil Ashok Deepak Prem Raj Rajen Roshan Sharda Sita Shanti Kavita Sunita Anita Asha
  Priya Reshma Indra Lakshmi Nisha Radha Usha Savitri Shanta Roshni Sandhya Devika Manisha Sarita Sangita Rekha Geeta
  Ricardo Romano Roy Clarence Clifton Errol Humphrey Iwan Marciano Orlando Rudi Stanley Winston Sherwin Wendell
  Shanice Natasha Jennifer Cynthia Marlene Romy Naomi Rosita Juanita Ivette Gloria Dewi Sri Wati Soetinah Tumi
  Sapto Soekarno Slamet Kasan Roemini Ingrid Nancy Jurgen Gerold Ronny Ramon Ruben Jerrel Jermaine Darryl Quincy
`);

const SURINAMESE_LAST = words(`
  Ramdin Sewnarain Ramdhani Ramlal Ramsaran Mahabier Jagessar Bhagwandin Baldewsingh Ramautar Ramkisoen Jhinkoe Sital
  Debipersad Kalloe Soekhoe Matadin Ramadhin Lachman Chotkan Autar Badloe Bisoen Chedi Doerga Gangadin Girjasing
  Hanoeman Jairam Kanhai Kisoen Mohan Nandoe Parbhoe Persad Rambaran Ramcharan Ramkhelawan Rampersad Sardjoe Sewdien
  Soekhlal Tewarie Baboeram Bhola Doekhi Gobardhan Jadnanansing Kromodimedjo Kartodikromo Soemodihardjo Sastrodimedjo
  Kasanpawiro Wongsodikromo Pawirodikromo Somohardjo Setrowidjojo Karijodimedjo Pinas Sedney Macnack Brunings Linger
  Kross Doelwijt Refos Emanuelson Zaalman Wijngaarde Ravenberg Bouterse Esajas Pengel Renfrum Amafo Biswane Nelom
  Tjin-A-Tjoe Tjon Fong Lie-A-Ling Vola Graanoogst Hoost Abrahams Burgzorg Kasanardjo Parmessar Ramnath Soechit
`);

const ANTILLEAN_FIRST = words(`
  Eugene Jurensley Jurickson Churandy Vurnon Shurandy Ergilio Edsel Giovanni Juancho Anuska Zuleika Gilbert Rignald
  Sirvano Sharlon Jairzinho Quincy Genaro Efrain Elvis Gregory Jeffrey Ruthmila Nelly Migdalia Yanaika Shurensly
  Tisha Shakira Nathaly Jomaira Sulaika Dayenne Ginelle Mayra Virginia Ithamar Luisette Yolanda Rosaline Giselle
`);

const ANTILLEAN_LAST = words(`
  Martina Cijntje Martis Isenia Doran Profas Rosaria Janga Girigorie Anthonia Bernabela Coffie Croes Felida Gomes
  Leito Maduro Mercera Pieternella Schotborgh Winklaar Wilsoe Tromp Heyliger Constancia Richardson Koeiman Rosalia
  Obispo Sulvaran Goeloe Thodé Balentien Kirindongo Cuales Leonora Zimmerman Lourens Sillé Juliana Ortela Frans
  Eustatia Quirindongo Pietersz Josefa Victorina Marchena Mambi Clemencia Statia Plantijn Jansen-Martina
`);

const POLISH_FIRST = words(`
  Piotr Paweł Tomasz Krzysztof Marek Michał Andrzej Łukasz Grzegorz Marcin Mariusz Dariusz Wojciech Kamil Jakub
  Mateusz Bartosz Sławomir Zbigniew Jerzy Janusz Rafał Damian Przemysław Stanisław Tadeusz Kacper Szymon Wiktor
  Agnieszka Katarzyna Kasia Małgorzata Gosia Magdalena Magda Joanna Aleksandra Monika Ewa Barbara Beata Dorota Elżbieta
  Justyna Karolina Marta Natalia Paulina Renata Agata Iwona Jolanta Krystyna Sylwia Urszula Zofia Żaneta Weronika
  Basia Ania Ola Kinga Halina Grażyna Bożena Danuta Teresa Wanda
`);

const POLISH_LAST = words(`
  Kowalski Nowak Wiśniewski Wójcik Kowalczyk Kamiński Lewandowski Zieliński Szymański Woźniak Dąbrowski Kozłowski
  Jankowski Mazur Kwiatkowski Krawczyk Piotrowski Grabowski Nowakowski Pawłowski Michalski Nowicki Adamczyk Dudek
  Zając Wieczorek Jabłoński Król Majewski Olszewski Jaworski Wróbel Malinowski Pawlak Witkowski Walczak Stępień
  Górski Rutkowski Michalak Sikora Ostrowski Baran Duda Szewczyk Tomaszewski Pietrzak Marciniak Wróblewski Zalewski
  Jakubowski Jasiński Zawadzki Sadowski Bąk Chmielewski Włodarczyk Borkowski Czarnecki Sawicki Sokołowski Urbański
  Kubiak Maciejewski Szczepański Kucharski Wilk Kalinowski Mazurek Wysocki Adamski Kaźmierczak Wasilewski Sobczak
  Czerwiński Andrzejewski Cieślak Głowacki Zakrzewski Kołodziej Sikorski Krajewski Gajewski Szulc Szymczak
  Baranowski Laskowski Brzeziński Makowski Ziółkowski Przybylski
`);

const OTHER_FIRST = words(`
  Rami Samer Bashar Fadi Hussam Majd Nour Rasha Rania Lina Dima Hiba Ghada Reem Alaa Yara Mahmoud Abdullah Suleiman
  Tesfay Tesfaye Haile Yonas Yohannes Semere Filmon Robel Senait Mehret Selam Tsega Tekle Berhane Kidane Abdi
  Abdirahman Abdullahi Hodan Hawa Ayaan Amina Fadumo Faadumo Farid Nazir Sediq Shabnam Farida Oleksandr Olena Oksana
  Iryna Serhiy Andriy Volodymyr Yulia Tetiana Kateryna Dmytro Bohdan Kwame Kofi Kwabena Kwaku Yaw Ama Akosua Abena
  Adjoa Efua Manuel Maria José João Carlos Antonio Francisco Luis Ana Sofia Rosa Carmen Jorge Pedro Miguel Joana
  Olusegun Chinedu Ngozi Chioma Emeka Wei Ming Mei Hui Jing Thi Minh Nguyen Anh Hoa Linh Viktor Ivan Irina Svetlana
  Ljubica Dragan Milan Zoran Goran Mirela Adriana Bogdan Mihai Ionut Elena Andreea Georgi Petar Dimitar Ralitsa
`);

const OTHER_LAST = words(`
  Haddad Khoury Hamdan Darwish Saleh Kassem Nasser Suleiman Mahmoud Hussein Abdullah Tesfamariam Ghebremedhin Tewelde
  Woldu Habte Gebre Gebremedhin Haile Kidane Warsame Jama Hirsi Mohamud Farah Ahmadi Hosseini Rezaei Karimi Mohammadi
  Rahimi Sultani Shevchenko Kovalenko Bondarenko Tkachenko Kovalchuk Kravchenko Melnyk Boyko Petrenko Savchenko
  Boateng Mensah Owusu Asante Osei Appiah Agyeman Addo Boakye Amoah Ofori Darko Antwi Acheampong Frimpong Lopes
  Fernandes Tavares Monteiro Semedo Barbosa Fortes Rodrigues Pina Andrade Silva Santos Pereira Oliveira Latuheru
  Pattinama Tahitu Sahetapy Wattimena Pattiasina Manuhutu Tuhumury Lokollo Nanlohy Wong Chan Nguyen Tran Pham
  Popescu Ionescu Petrov Ivanov Georgiev Dimitrov Horvat Kovač Novak Jovanović Petrović Nikolić Okafor Adeyemi
`);

const DUTCH_EXTRA_LAST = entries(`
  Smit, Smits, Peters, Schouten, Hoekstra, Koster, Prins, Kuipers, Veldman, Boom, Sluiter, Pronk, Hoogland, Ouwehand,
  Hendriksen, Vissers, Beekman, Schreurs, Wouters, Claassen, Aarts, Verschuren, Kamphuis, Lammers, Wijnen, Rutten,
  Gielen, Mertens, Hoogendoorn, Kerkhof, Kroon, Bouwman, Zwart, Hoek, Van der Heijden, Van den Brink, Van der Wal,
  De Bruin, De Bruijn, Van Beek, Van den Heuvel, Van der Veen, Van den Broek, Van Dam, Van Veen, Van der Meulen,
  Van der Horst, Van Rijn, Van der Ploeg, Van Essen, Van Schaik, Van Wijngaarden, Van Os, Van Rooij, Van Dongen,
  Verbruggen, Bos, Vos, Visser, Meijer, Mulder, Dekker, Kok, Bakker, Jansen, Janssen, De Jong, De Vries, De Groot,
  Brouwer, De Wit, Dijkstra, De Graaf, Jacobs, De Haan, Vermeulen, Maas, Verhoeven, Blom, Huisman, Kramer, Kuiper,
  Veenstra, Postma, Martens, Vink, De Ruiter, Timmermans, Groen, Gerritsen, Jonker, Scholten, Willems, Hofstra,
  Terpstra, Bosma, Wiersma, Visscher, Zijlstra, Hoogeveen, Bakx, Hendrix, Coenen, Claessens, Lemmens, Jacobse,
  Verheijen, Vermeer, Brinkman, Hoekman, Siebers, Bruins, Heemskerk, Kortekaas, Langeveld, Mooij, Nieuwenhuis,
  Oosterhout, Pijnenburg, Reijnders, Rijkers, Roos, Schuurman, Stam, Steenbergen, Teunissen, Van Dijk, Van Leeuwen,
  Vos, Wijnands, Zandbergen, Klaassen, Kuijpers, Verbeek, De Lange, De Leeuw, Boer, Mol, Post, Smeets, Kok
`);

/** Lowercase, no diacritics (Turkish dotless i and Polish ł included): "Öztürk" and "Ozturk" are one key. */
export const normaliseName = (s: string): string =>
  s
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/ı/g, 'i')
    .replace(/ł/g, 'l')
    .replace(/ø/g, 'o')
    .replace(/ß/g, 'ss')
    .replace(/æ/g, 'ae')
    .replace(/đ/g, 'd');

/** Tussenvoegsels and name particles that may sit between a first name and a surname, or open a surname. */
export const TUSSENVOEGSEL_SEQUENCES: ReadonlySet<string> = new Set([
  'van',
  'de',
  'den',
  'der',
  'ter',
  'ten',
  'te',
  "'t",
  'van de',
  'van der',
  'van den',
  "van 't",
  'van het',
  "in 't",
  'in de',
  'in den',
  'op de',
  'op den',
  "op 't",
  'uit de',
  'uit den',
  'aan de',
  'aan den',
  'de la',
  'van de la',
  'el',
  'al',
  'la',
  'le',
  'da',
  'dos',
  'das',
  'do',
  'du',
  'di',
  'del',
  'della',
  'von',
  'von der',
  'ait',
  'abou',
  'abu',
  'bou',
  'ben',
  'bin',
  'ibn',
  'ould',
  'el ait',
]);

export const TUSSENVOEGSEL_WORDS: ReadonlySet<string> = new Set(
  [...TUSSENVOEGSEL_SEQUENCES].flatMap((s) => s.split(' ')),
);

const splitSurname = (full: string): string => {
  const parts = full.split(/\s+/);
  let i = 0;
  while (i < parts.length - 1 && TUSSENVOEGSEL_WORDS.has(normaliseName(parts[i]))) i++;
  return parts.slice(i).join(' ');
};

const fakerFirst = Object.values(nl.person.first_name).flat();
const fakerLast = Object.values(nl.person.last_name).flat();

const toKeys = (names: string[]): Set<string> => new Set(names.map(normaliseName));

const firstNames = [
  ...fakerFirst,
  ...DUTCH_OLDER_FIRST,
  ...MOROCCAN_FIRST,
  ...TURKISH_FIRST,
  ...SURINAMESE_FIRST,
  ...ANTILLEAN_FIRST,
  ...POLISH_FIRST,
  ...OTHER_FIRST,
];

const polishFeminine = POLISH_LAST.flatMap((n) => (/(ski|cki|dzki)$/.test(n) ? [n.replace(/i$/, 'a')] : []));

const lastNames = [
  ...fakerLast,
  ...DUTCH_EXTRA_LAST,
  ...MOROCCAN_LAST,
  ...TURKISH_LAST,
  ...SURINAMESE_LAST,
  ...ANTILLEAN_LAST,
  ...POLISH_LAST,
  ...polishFeminine,
  ...OTHER_LAST,
].map(splitSurname);

/** Normalised first names (single tokens, hyphenated compounds kept whole). */
export const FIRST_NAMES: ReadonlySet<string> = toKeys(firstNames);

/** Normalised surname cores, without their tussenvoegsels ("van der Linden" → "linden"). */
export const LAST_NAMES: ReadonlySet<string> = toKeys(lastNames.flatMap((n) => n.split(/\s+/)));

/** Sizes of the source lists, reported by the evaluation so reviewers see what the lexicon holds. */
export const NAME_LIST_SIZES = {
  firstNames: FIRST_NAMES.size,
  lastNames: LAST_NAMES.size,
  addedFirstNames:
    DUTCH_OLDER_FIRST.length +
    MOROCCAN_FIRST.length +
    TURKISH_FIRST.length +
    SURINAMESE_FIRST.length +
    ANTILLEAN_FIRST.length +
    POLISH_FIRST.length +
    OTHER_FIRST.length,
  addedLastNames:
    DUTCH_EXTRA_LAST.length +
    MOROCCAN_LAST.length +
    TURKISH_LAST.length +
    SURINAMESE_LAST.length +
    ANTILLEAN_LAST.length +
    POLISH_LAST.length +
    polishFeminine.length +
    OTHER_LAST.length,
} as const;
